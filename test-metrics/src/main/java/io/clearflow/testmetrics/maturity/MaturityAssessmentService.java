package io.clearflow.testmetrics.maturity;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.InputCheck;
import io.clearflow.testmetrics.maturity.AssessmentInput.SubjectKind;
import io.clearflow.testmetrics.store.MaturityAssessmentRepository;
import io.clearflow.testmetrics.store.MaturityAssessmentScoreRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maturity assessments over time. An assessment freezes, per indicator, the platform's evidence score of that
 * moment (systems only) or the assessor's answer with its justification, link or file; indicators neither scores
 * stay unscored. The overview compares the latest assessment with the previous one and the target level and
 * names, per indicator, the next level's criterion as the next step.
 */
@Service
@Transactional
public class MaturityAssessmentService {

    public static final String EVIDENCE = "EVIDENCE";
    public static final String ASSESSOR = "ASSESSOR";
    public static final String NONE = "NONE";
    static final int HISTORY = 50;

    /** One indicator's score and where it came from: the platform's evidence, or the assessor (who, when). */
    public record ScoreView(String indicator, String domain, Integer level, String source, String basis, String link,
                            String fileName, Long fileSize, String by, Instant at) {
    }

    public record AssessmentView(long id, SubjectKind kind, String subject, int targetLevel, String note,
                                 String assessedBy, Instant assessedAt, List<ScoreView> scores, Map<String, Double> domains) {
    }

    /** One indicator on the maturity page: the latest score, the previous one, and the step to the next level. */
    public record IndicatorRow(String indicator, String domain, Integer level, Integer previousLevel, String source,
                               String basis, String link, String fileName, String by, Instant at, String criterion,
                               String nextStep) {
    }

    /** The maturity page's figures; {@code latest} is null before the first assessment (then live evidence). */
    public record Overview(SubjectKind kind, String subject, int targetLevel, AssessmentView latest,
                           AssessmentView previous, List<IndicatorRow> indicators, Map<String, Double> domains,
                           Map<String, Double> previousDomains, List<AssessmentView> history) {
    }

    private final MaturityService maturity;
    private final MaturityAssessmentRepository assessments;
    private final MaturityAssessmentScoreRepository scores;
    private final VersionRepository versions;
    private final Validator validator;
    private final Clock clock;

    MaturityAssessmentService(MaturityService maturity, MaturityAssessmentRepository assessments, MaturityAssessmentScoreRepository scores,
                      VersionRepository versions, Validator validator, Optional<Clock> clock) {
        this.maturity = maturity;
        this.assessments = assessments;
        this.scores = scores;
        this.versions = versions;
        this.validator = validator;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Records an assessment; refused field by field (bundle keys), nothing stored on refusal. */
    public AssessmentView assess(AssessmentInput input, List<EvidenceUpload> files, String user) {
        InputCheck.validate(validator, input, "tm.assess.error.invalid");
        MaturityModel model = maturity.model();
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.kind() == SubjectKind.SYSTEM && !versions.projects().contains(input.subject())) {
            errors.put("subject", "tm.assess.error.unknownSystem");
        }
        Map<String, MaturityScorer.Score> evidence = new HashMap<>();
        if (input.kind() == SubjectKind.SYSTEM && errors.isEmpty()) {
            maturity.score(input.subject()).stream().filter(s -> s.level() != null).forEach(s -> evidence.put(s.indicator(), s));
        }
        Map<String, AssessmentInput.Answer> answers = new HashMap<>();
        for (int i = 0; i < input.answers().size(); i++) {
            AssessmentInput.Answer a = input.answers().get(i);
            String field = "answers[" + i + "]";
            if (model.indicators().stream().noneMatch(x -> x.key().equals(a.indicator()))) {
                errors.put(field + ".indicator", "tm.assess.error.indicator");
            } else if (answers.containsKey(a.indicator())) {
                errors.put(field + ".indicator", "tm.assess.error.duplicate");
            } else if (evidence.containsKey(a.indicator()) && !a.blank()) {
                // the platform measured it: an answer would hide where the score came from
                errors.put(field + ".indicator", "tm.assess.error.evidenceScored");
            } else if (!a.blank() && a.level() == null) {
                errors.put(field + ".level", "tm.assess.error.level");
            } else if (a.level() != null && a.text() == null) {
                errors.put(field + ".text", "tm.assess.error.text");
            } else {
                answers.put(a.indicator(), a);
            }
        }
        Map<String, EvidenceUpload> attached = new HashMap<>();
        for (EvidenceUpload f : files) {
            String field = "evidence." + f.indicator();
            var answer = answers.get(f.indicator());
            if (answer == null || answer.level() == null) {
                errors.put(field, "tm.assess.error.fileWithoutAnswer");
            } else if (f.content() == null || f.size() > EvidenceUpload.MAX_BYTES) {
                errors.put(field, "tm.assess.error.fileSize");
            } else {
                attached.put(f.indicator(), f);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("tm.assess.error.invalid", errors);
        }
        Instant now = clock.instant();
        long id = assessments.insert(input.kind().name(), input.subject(), input.targetLevel(), input.note(), user, now);
        List<MaturityAssessmentScoreRepository.NewScore> rows = new ArrayList<>();
        for (MaturityModel.Indicator i : model.indicators()) {
            var e = evidence.get(i.key());
            var a = answers.get(i.key());
            var f = attached.get(i.key());
            if (e != null) {
                rows.add(new MaturityAssessmentScoreRepository.NewScore(i.key(), e.level(), EVIDENCE, e.source(), null, null, null, null));
            } else if (a != null && a.level() != null) {
                rows.add(new MaturityAssessmentScoreRepository.NewScore(i.key(), a.level(), ASSESSOR, a.text(), a.link(),
                        f == null ? null : fileName(f.fileName()), f == null ? null : contentType(f.contentType()),
                        f == null ? null : f.content()));
            } else {
                rows.add(new MaturityAssessmentScoreRepository.NewScore(i.key(), null, NONE, null, null, null, null, null));
            }
        }
        scores.insert(id, rows);
        return assessment(id);
    }

    @Transactional(readOnly = true)
    public AssessmentView assessment(long id) {
        var row = assessments.find(id).orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
        return views(List.of(row)).get(0);
    }

    /** Assessments of a subject, newest first. */
    @Transactional(readOnly = true)
    public List<AssessmentView> history(SubjectKind kind, String subject) {
        return views(assessments.ofSubject(kind.name(), subject, HISTORY));
    }

    @Transactional(readOnly = true)
    public MaturityAssessmentScoreRepository.EvidenceFile evidenceFile(long id, String indicator) {
        return scores.file(id, indicator).orElseThrow(() -> new NotFoundException("evidence file", id + "/" + indicator));
    }

    @Transactional(readOnly = true)
    public List<String> teams() {
        return assessments.teams();
    }

    /**
     * The latest assessment against the previous one and the target; before the first assessment, the platform's
     * live evidence scores (systems) or nothing (teams), against target level {@code defaultTarget}.
     */
    @Transactional(readOnly = true)
    public Overview overview(SubjectKind kind, String subject, int defaultTarget, Locale locale) {
        MaturityModel model = maturity.model();
        List<AssessmentView> history = history(kind, subject);
        AssessmentView latest = history.isEmpty() ? null : history.get(0);
        AssessmentView previous = history.size() < 2 ? null : history.get(1);
        List<ScoreView> current;
        if (latest != null) {
            current = latest.scores();
        } else if (kind == SubjectKind.SYSTEM && versions.projects().contains(subject)) {
            current = maturity.score(subject).stream().map(s -> new ScoreView(s.indicator(), s.domain(), s.level(),
                    s.level() == null ? NONE : EVIDENCE, s.source(), null, null, null, null, null)).toList();
        } else {
            current = model.indicators().stream().map(i -> new ScoreView(i.key(), i.domain(), null, NONE, null, null, null,
                    null, null, null)).toList();
        }
        Map<String, Integer> before = new HashMap<>();
        if (previous != null) {
            previous.scores().forEach(s -> before.put(s.indicator(), s.level()));
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (ScoreView s : current) {
            var indicator = model.indicators().stream().filter(i -> i.key().equals(s.indicator())).findFirst().orElseThrow();
            Integer level = s.level();
            rows.add(new IndicatorRow(s.indicator(), s.domain(), level, before.get(s.indicator()), s.source(), s.basis(),
                    s.link(), s.fileName(), s.by(), s.at(), level == null ? null : indicator.criterion(level, locale),
                    level == null ? indicator.criterion(1, locale) : level < 5 ? indicator.criterion(level + 1, locale) : null));
        }
        return new Overview(kind, subject, latest == null ? defaultTarget : latest.targetLevel(), latest, previous, rows,
                domains(model, current), previous == null ? null : previous.domains(), history);
    }

    private List<AssessmentView> views(List<MaturityAssessmentRepository.AssessmentRow> rows) {
        MaturityModel model = maturity.model();
        Map<Long, List<MaturityAssessmentScoreRepository.ScoreRow>> byAssessment = new HashMap<>();
        scores.ofAssessments(rows.stream().map(MaturityAssessmentRepository.AssessmentRow::id).toList())
                .forEach(s -> byAssessment.computeIfAbsent(s.assessmentId(), k -> new ArrayList<>()).add(s));
        List<AssessmentView> out = new ArrayList<>();
        for (var a : rows) {
            List<ScoreView> list = new ArrayList<>();
            for (var s : byAssessment.getOrDefault(a.id(), List.of())) {
                String domain = model.indicators().stream().filter(i -> i.key().equals(s.indicator())).findFirst()
                        .map(MaturityModel.Indicator::domain).orElse(null);
                boolean assessor = ASSESSOR.equals(s.source());
                list.add(new ScoreView(s.indicator(), domain, s.level(), s.source(), s.basis(), s.link(), s.fileName(),
                        s.fileSize(), assessor ? a.assessedBy() : EVIDENCE.equals(s.source()) ? "platform" : null,
                        NONE.equals(s.source()) ? null : a.assessedAt()));
            }
            out.add(new AssessmentView(a.id(), SubjectKind.valueOf(a.kind()), a.subject(), a.targetLevel(), a.note(),
                    a.assessedBy(), a.assessedAt(), list, domains(model, list)));
        }
        return out;
    }

    private static Map<String, Double> domains(MaturityModel model, List<ScoreView> scores) {
        return MaturityScorer.domains(model, scores.stream().map(s -> new MaturityScorer.Score(s.indicator(), s.domain(),
                s.level(), s.source())).toList());
    }

    /** The name the browser sent, without any path, control characters or more than 255 characters. */
    static String fileName(String name) {
        String base = name == null ? "evidence" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        base = base.isEmpty() ? "evidence" : base;
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    /** Kept for the reader's information only: downloads are always served as attachments of octet-stream. */
    static String contentType(String type) {
        return type == null || !type.matches("[\\w.+-]{1,50}/[\\w.+-]{1,49}") ? "application/octet-stream" : type;
    }
}
