package io.clearflow.bots.accountopening;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.bots.documents.OcrStatus;
import io.clearflow.bots.runtime.Bot;
import io.clearflow.bots.runtime.BotLimitation;
import io.clearflow.bots.runtime.BotJob;
import io.clearflow.bots.runtime.BotOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 开户机器人: checks an account-opening application and either passes it (the engine then opens the
 * account) or hands it to 账户管理部 with its findings. Checks: the ID number (GB 11643 check
 * character, region code, birth date), age, the ID card read by OCR against the form (name and
 * number), an existing account, the watch list. Findings go to the application through the platform's
 * REST API; the job completes with the routing fact {@code passed} only. Without OCR on this node the card cannot be
 * read: every application then goes to a person with that reason (the other checks still run), not a failed job.
 */
@Component
@EnableConfigurationProperties(AccountOpeningBotProperties.class)
public class AccountOpeningBot implements Bot {

    static final String NAME = "account-opening";
    static final String TOPIC = "account-opening-check";
    static final String API = "/api/account-opening/bot";
    /** Findings are kept as written, in Chinese like every other finding of the bot. */
    private static final Locale FINDINGS_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final AccountOpeningBotProperties properties;
    private final OcrStatus ocr;
    /** Null when OCR is unavailable here. */
    private final IdCardReader reader;
    private final Clock clock;

    /** The finding written on every application while OCR is unavailable, in the language findings are kept in. */
    private final String noOcrFinding;

    @Autowired
    public AccountOpeningBot(AccountOpeningBotProperties properties, OcrStatus ocr, MessageSource messages) {
        this(properties, ocr, ocr.available() ? new IdCardReader(ocr.datapath(), properties.languages()) : null,
                Clock.system(ZoneId.of("Asia/Shanghai")), noOcrFinding(ocr, messages));
    }

    AccountOpeningBot(AccountOpeningBotProperties properties, OcrStatus ocr, IdCardReader reader, Clock clock,
                      String noOcrFinding) {
        this.properties = properties;
        this.ocr = ocr;
        this.reader = reader;
        this.clock = clock;
        this.noOcrFinding = noOcrFinding;
    }

    private static String noOcrFinding(OcrStatus ocr, MessageSource messages) {
        if (ocr.available()) {
            return null;
        }
        String reason = messages.getMessage("rpa.ocr.problem." + ocr.problem().orElseThrow().name(),
                new Object[] {ocr.argument()}, ocr.reason(), FINDINGS_LOCALE);
        // a bot host may run without the platform's bundles: the default keeps the finding readable there
        return messages.getMessage("rpa.ocr.finding", new Object[] {reason},
                "证件照片未经自动核对：本机 OCR 不可用（" + reason + "），请人工核对证件", FINDINGS_LOCALE);
    }

    @Override
    public Optional<BotLimitation> limitation() {
        return ocr.asLimitation();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public BotOutcome handle(BotJob job) throws Exception {
        Object id = job.variable("applicationId").orElseThrow(() -> new IllegalStateException("job without applicationId"));
        long applicationId = ((Number) id).longValue();
        JsonNode application = job.platform().getJson(API + "/applications/" + applicationId);
        String name = application.path("name").asText();
        String idNumber = application.path("idNumber").asText();

        List<String> findings = new ArrayList<>(checkIdNumber(idNumber));
        IdCardReader.CardText card = null;
        if (reader == null) {
            findings.add(noOcrFinding);
        } else {
            try {
                card = reader.read(job.platform().getBytes(API + "/applications/" + applicationId + "/id-image"));
                findings.addAll(compare(card, name, idNumber));
            } catch (IdCardReader.UnreadableImageException e) {
                findings.add("证件照片无法识别：" + e.getMessage());
            }
        }
        JsonNode existing = job.platform().getJson(API + "/accounts?idNumber=" + URLEncoder.encode(idNumber, StandardCharsets.UTF_8));
        if (existing.path("exists").asBoolean()) {
            findings.add("该身份证号已开户，账户号 " + existing.path("accountNo").asText());
        }
        if (properties.watchList().idNumbers().contains(idNumber.toUpperCase())) {
            findings.add("身份证号在关注名单中");
        }
        if (properties.watchList().names().contains(name.strip())) {
            findings.add("姓名在关注名单中");
        }

        boolean passed = findings.isEmpty();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", passed);
        report.put("findings", findings);
        report.put("ocrName", card == null ? null : card.name().orElse(null));
        report.put("ocrIdNumber", card == null ? null : card.idNumber().orElse(null));
        job.platform().putJson(API + "/applications/" + applicationId + "/findings", report); // a PUT: repeating it is harmless
        return passed ? BotOutcome.done(Map.of("passed", true))
                : BotOutcome.handedToPerson(Map.of("passed", false), "KH-" + applicationId + ": " + String.join("；", findings));
    }

    /** The number's own checks and the age it implies. */
    List<String> checkIdNumber(String idNumber) {
        ResidentId.Validation validation = ResidentId.validate(idNumber);
        List<String> findings = new ArrayList<>(validation.problems());
        if (validation.birthDate() != null) {
            int age = ResidentId.age(validation.birthDate(), LocalDate.now(clock));
            if (age < properties.minimumAge()) {
                findings.add("未满 " + properties.minimumAge() + " 周岁：出生于 " + validation.birthDate() + "，现年 " + age + " 岁");
            }
        }
        return findings;
    }

    /** What differs between the card and the form; empty when they agree. */
    public static List<String> compare(IdCardReader.CardText card, String name, String idNumber) {
        List<String> findings = new ArrayList<>();
        String everything = card.raw().replaceAll("[\\s\\u3000]+", "");
        if (card.name().isEmpty()) {
            // the label was not read, but the card may still bear the form's name: verifying it is enough
            if (name.strip().length() < 2 || !everything.contains(name.strip())) {
                findings.add("证件上未识别出姓名");
            }
        } else if (!card.name().get().equals(name.strip())) {
            findings.add("证件姓名「" + card.name().get() + "」与填写姓名「" + name.strip() + "」不一致");
        }
        if (card.idNumber().isEmpty()) {
            findings.add("证件上未识别出身份证号");
        } else if (!card.idNumber().get().equalsIgnoreCase(idNumber.strip())) {
            findings.add("证件号码 " + card.idNumber().get() + " 与填写号码 " + idNumber.strip() + " 不一致");
        }
        return findings;
    }
}
