package io.clearflow.bots.accountopening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 18-character resident identity number of GB 11643-1999: a six-digit region code, the birth date
 * (yyyyMMdd), a three-digit sequence, and a check character computed with ISO 7064 MOD 11-2.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** What is wrong with a number; empty when it is a well-formed number with a correct check character. */
    public record Validation(String number, List<String> problems, LocalDate birthDate) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ResidentId() {
    }

    public static Validation validate(String raw) {
        String number = raw == null ? "" : raw.strip().toUpperCase();
        List<String> problems = new ArrayList<>();
        if (number.length() != 18) {
            problems.add("身份证号应为 18 位，实为 " + number.length() + " 位");
            return new Validation(number, problems, null);
        }
        if (!number.substring(0, 17).chars().allMatch(Character::isDigit)) {
            problems.add("身份证号前 17 位应全为数字");
            return new Validation(number, problems, null);
        }
        char last = number.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            problems.add("身份证号第 18 位应为数字或 X");
            return new Validation(number, problems, null);
        }
        // region code: province 11–82 (GB/T 2260), never 00 in its city or county part's first level
        int province = Integer.parseInt(number.substring(0, 2));
        if (province < 11 || province > 82) {
            problems.add("地区码 " + number.substring(0, 6) + " 不是有效的行政区划代码");
        }
        LocalDate birth = birthDate(number).orElse(null);
        if (birth == null) {
            problems.add("出生日期 " + number.substring(6, 14) + " 不是有效日期");
        } else if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(LocalDate.now())) {
            problems.add("出生日期 " + birth + " 不在合理范围内");
            birth = null;
        }
        char expected = checkCharacter(number.substring(0, 17));
        if (expected != last) {
            problems.add("校验位错误：应为 " + expected + "，实为 " + last);
        }
        return new Validation(number, problems, birth);
    }

    /** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    private static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
