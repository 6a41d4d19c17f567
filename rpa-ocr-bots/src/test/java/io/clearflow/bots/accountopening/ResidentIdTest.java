package io.clearflow.bots.accountopening;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.bots.documents.OcrStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GB 11643 resident ID numbers. Inputs tried: valid numbers (digit and X check characters), a wrong
 * check digit, an impossible birth date (Feb 30), a birth date in the future, a bad region code,
 * 17 digits, 19 digits, letters inside, lower-case x, empty and null; and the age check at the
 * 18th birthday and the day before.
 */
class ResidentIdTest {

    /** Valid numbers, their check characters computed independently of the code under test. */
    static final String VALID = "11010519491231002X";   // the GB 11643 example, check character X
    static final String VALID_DIGIT = "110105199001011232";

    @Test
    void validNumbersPassWithTheirBirthDate() {
        assertThat(ResidentId.validate(VALID).valid()).isTrue();
        assertThat(ResidentId.validate(VALID).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(ResidentId.validate("11010519491231002x").valid()).as("lower-case x").isTrue();
        assertThat(ResidentId.checkCharacter("11010519900101123")).isEqualTo('2');
        assertThat(ResidentId.validate(VALID_DIGIT).valid()).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsNamed() {
        var result = ResidentId.validate("110105199001011234");
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("校验位错误").contains("应为 2");
    }

    @Test
    void impossibleOrFutureBirthDatesAreRefused() {
        String feb30 = "11010519900230" + "123";
        var result = ResidentId.validate(feb30 + ResidentId.checkCharacter(feb30));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("不是有效日期"));
        assertThat(result.birthDate()).isNull();
        String future = "11010521990101" + "123";
        assertThat(ResidentId.validate(future + ResidentId.checkCharacter(future)).problems())
                .anySatisfy(p -> assertThat(p).contains("不在合理范围"));
    }

    @Test
    void aRegionCodeOutsideTheProvincesIsRefused() {
        String bad = "99010519900101" + "123";
        assertThat(ResidentId.validate(bad + ResidentId.checkCharacter(bad)).problems())
                .anySatisfy(p -> assertThat(p).contains("地区码"));
    }

    @Test
    void wrongLengthsAndLettersAreRefused() {
        assertThat(ResidentId.validate("11010519900101123").problems()).singleElement().asString().contains("18 位").contains("17");
        assertThat(ResidentId.validate("1101051990010112323").problems()).singleElement().asString().contains("19");
        assertThat(ResidentId.validate("1101051990A101123X").problems()).singleElement().asString().contains("前 17 位");
        assertThat(ResidentId.validate("11010519900101123Y").problems()).singleElement().asString().contains("第 18 位");
        assertThat(ResidentId.validate("").valid()).isFalse();
        assertThat(ResidentId.validate(null).valid()).isFalse();
    }

    @Test
    void theBotHandsOverAnInvestorUnder18AndPassesOneOn18thBirthday() {
        Clock today = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
        var bot = new AccountOpeningBot(new AccountOpeningBotProperties(18, "eng",
                new AccountOpeningBotProperties.WatchList(List.of(), List.of())), OcrStatus.probe("/nonexistent"), null, today, "");
        String turns18Today = "11010520081125" + "123";
        String turns18Tomorrow = "11010520081126" + "123";

        assertThat(bot.checkIdNumber(turns18Today + ResidentId.checkCharacter(turns18Today))).isEmpty();
        assertThat(bot.checkIdNumber(turns18Tomorrow + ResidentId.checkCharacter(turns18Tomorrow)))
                .singleElement().asString().contains("未满 18 周岁").contains("现年 17 岁");
    }
}
