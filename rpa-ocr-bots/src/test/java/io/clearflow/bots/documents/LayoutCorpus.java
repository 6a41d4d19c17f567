package io.clearflow.bots.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A wider generated corpus with known ground truth: bank and clearing settlement statements in eight layout
 * {@link Family families} (ruled table, unruled key-value grid, label above value, right-aligned values, two key-value
 * columns side by side, header block plus table, mixed Chinese/English labels, full-width colons), with label wordings
 * drawn from several variants per field, several Latin fonts (Chinese always in WenQuanYi Zen Hei), 10 to 13 pt,
 * rendered at 150, 200 or 300 dpi, clean or noisy (the noise of {@link StatementCorpus}), or as text-layer PDFs.
 *
 * <p>Held out of tuning: the family {@link #HELD_OUT} and the font {@link #HELD_OUT_FONT}; the extractor was developed
 * against the other families and fonts only, and the held-out ones are reported separately.
 */
public final class LayoutCorpus {

    public enum Family {
        RULED_TABLE("ruled table"), KV_GRID("key-value grid"), LABEL_ABOVE("label above value"),
        RIGHT_ALIGNED("right-aligned values"), TWO_COLUMNS("two key-value columns"), HEADER_TABLE("header + table"),
        MIXED_LABELS("mixed zh/en labels"), FULLWIDTH_COLON("full-width colons");

        public final String title;

        Family(String title) {
            this.title = title;
        }
    }

    public static final Family HELD_OUT = Family.LABEL_ABOVE;
    public static final String HELD_OUT_FONT = "DejaVu Serif";
    public static final List<String> TUNING_FONTS = List.of("DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Sans Mono");
    static final int[] SIZES = {10, 11, 12, 13};
    static final int[] DPIS = {150, 200, 300};
    static final float PAGE_W = 595;
    static final float PAGE_H = 842;

    /** Something drawn: text at a baseline (x is the right edge when {@code right}), or a ruling line; points. */
    sealed interface Op permits Text, Rule { }

    record Text(float x, float y, String text, float size, boolean bold, boolean right) implements Op { }

    record Rule(float x0, float y0, float x1, float y1) implements Op { }

    /** One generated page: its family, Latin font, body size, resolution, truth and drawing. */
    public record Page(Family family, String font, int size, int dpi, StatementCorpus.Statement truth, List<Op> ops) {
        public String describe() {
            return String.format(Locale.ROOT, "%s %s %s %dpt %ddpi", family.title, truth.type(), font, size, dpi);
        }
    }

    private final Random random;
    private final StatementCorpus noise;

    public LayoutCorpus(long seed) {
        this.random = new Random(seed);
        this.noise = new StatementCorpus(seed + 1);
    }

    // ---- labels: variants a firm might print, per field ----

    static final Map<String, String[][]> LABELS = Map.ofEntries(
            Map.entry("account_no", new String[][] {{"账号", "账户", "银行账号"}, {"Account No.", "Account Number", "A/C No."}}),
            Map.entry("statement_date", new String[][] {{"对账日期", "账单日期", "截止日期"}, {"Statement Date", "Date of Statement"}}),
            Map.entry("opening_balance", new String[][] {{"期初余额", "上期余额"}, {"Opening Balance", "Balance Brought Forward"}}),
            Map.entry("closing_balance", new String[][] {{"期末余额", "本期余额"}, {"Closing Balance", "Ending Balance"}}),
            Map.entry("participant_code", new String[][] {{"结算参与人代码", "参与人代码", "参与人编号"},
                    {"Participant Code", "Participant ID", "Member Code"}}),
            Map.entry("settlement_date", new String[][] {{"交收日期", "结算日期", "交收日"}, {"Settlement Date", "Date of Settlement", "Value Date"}}),
            Map.entry("security_code", new String[][] {{"证券代码", "证券代号"}, {"Security Code", "Stock Code"}}),
            Map.entry("quantity", new String[][] {{"成交数量", "交收数量", "数量"}, {"Quantity", "Qty"}}),
            Map.entry("gross_amount", new String[][] {{"成交金额", "交易金额"}, {"Gross Amount", "Trade Amount"}}),
            Map.entry("fees", new String[][] {{"费用合计", "手续费", "手续费合计", "费用"}, {"Fees", "Total Fees", "Commission"}}),
            Map.entry("net_amount", new String[][] {{"交收净额", "应收付净额", "净额"}, {"Net Settlement Amount", "Net Amount"}}));

    private static final String[] ZH_PARTIES = {"上海证券交易所", "中国证券登记结算", "招商银行股份有限公司", "华泰证券", "平安银行"};
    private static final String[] EN_PARTIES = {"Shenzhen Clearing Co", "Bank of Shanghai", "China Merchants Fund", "Demo Securities Ltd"};

    /** A page of the family, bank or clearing statement as {@code index} is even or odd, in the given Latin font (null: a tuning font). */
    public Page page(Family family, int index, String font) {
        String latin = font != null ? font : TUNING_FONTS.get(random.nextInt(TUNING_FONTS.size()));
        int size = SIZES[random.nextInt(SIZES.length)];
        int dpi = DPIS[random.nextInt(DPIS.length)];
        boolean bank = index % 2 == 0;
        boolean english = family != Family.MIXED_LABELS && family != Family.FULLWIDTH_COLON && random.nextInt(3) == 0;
        Builder b = new Builder(latin, size);
        StatementCorpus.Statement truth = bank ? bank(family, english, b) : clearing(family, english, b);
        return new Page(family, latin, size, dpi, truth, b.ops);
    }

    private StatementCorpus.Statement bank(Family family, boolean english, Builder b) {
        String account = String.format(Locale.ROOT, "6222%012d", Math.abs(random.nextLong()) % 1_000_000_000_000L);
        LocalDate date = LocalDate.of(2025, 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
        BigDecimal opening = money(100_000, 9_000_000);
        List<Map<String, String>> txs = new ArrayList<>();
        BigDecimal balance = opening;
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            boolean credit = random.nextBoolean();
            BigDecimal amount = money(100, 90_000);
            balance = credit ? balance.add(amount) : balance.subtract(amount);
            Map<String, String> tx = new LinkedHashMap<>();
            tx.put("date", date.withDayOfMonth(1 + i * 5).toString());
            tx.put("direction", credit ? "credit" : "debit");
            tx.put("amount", amount.toPlainString());
            tx.put("counterparty", english ? EN_PARTIES[random.nextInt(EN_PARTIES.length)] : ZH_PARTIES[random.nextInt(ZH_PARTIES.length)]);
            txs.add(tx);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("account_no", account);
        f.put("statement_date", date.toString());
        f.put("opening_balance", opening.toPlainString());
        f.put("closing_balance", balance.toPlainString());
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("account_no", random.nextBoolean() ? StatementCorpus.group4(account) : account);
        shown.put("statement_date", date(date, english));
        shown.put("opening_balance", amount(opening));
        shown.put("closing_balance", amount(balance));
        b.title(english ? (random.nextBoolean() ? "Bank Statement" : "Statement of Account") : "银行对账单");
        layFields(family, english, b, f.keySet().stream().toList(), shown, true);
        transactions(b, txs, english, family == Family.HEADER_TABLE || family == Family.RULED_TABLE);
        return new StatementCorpus.Statement("bank_statement", family.ordinal(), f, txs, List.of());
    }

    private StatementCorpus.Statement clearing(Family family, boolean english, Builder b) {
        String letters = "ABCDEHKMPT";
        String participant = (random.nextBoolean() ? "" : String.valueOf(letters.charAt(random.nextInt(letters.length()))))
                + letters.charAt(random.nextInt(letters.length())) + String.format(Locale.ROOT, "%05d", random.nextInt(20_000));
        LocalDate date = LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String security = random.nextBoolean() ? String.format(Locale.ROOT, "%06d", 600_000 + random.nextInt(4_000))
                : String.format(Locale.ROOT, "%06d", 1 + random.nextInt(3_000));
        long quantity = 100L * (1 + random.nextInt(5_000));
        BigDecimal gross = money(1_000, 5_000_000);
        BigDecimal fees = gross.multiply(new BigDecimal("0.00031")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal net = gross.add(fees);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("participant_code", participant);
        f.put("settlement_date", date.toString());
        f.put("security_code", security);
        f.put("quantity", Long.toString(quantity));
        f.put("gross_amount", gross.toPlainString());
        f.put("fees", fees.toPlainString());
        f.put("net_amount", net.toPlainString());
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("participant_code", participant);
        shown.put("settlement_date", date(date, english));
        shown.put("security_code", security);
        shown.put("quantity", random.nextBoolean() ? String.format(Locale.ROOT, "%,d", quantity) : Long.toString(quantity));
        shown.put("gross_amount", amount(gross));
        shown.put("fees", amount(fees));
        shown.put("net_amount", amount(net));
        b.title(english ? "Clearing Settlement Statement" : "清算交收单");
        if (family == Family.HEADER_TABLE) {
            layFields(family, english, b, List.of("participant_code", "settlement_date"), shown, true);
            tradeTable(b, english, List.of("security_code", "quantity", "gross_amount", "fees", "net_amount"), shown);
        } else {
            List<String> order = new ArrayList<>(f.keySet());
            Collections.shuffle(order.subList(2, order.size()), random);
            layFields(family, english, b, order, shown, true);
        }
        return new StatementCorpus.Statement("clearing_settlement", family.ordinal(), f, List.of(), List.of());
    }

    private String label(String field, boolean english) {
        String[] pool = LABELS.get(field)[english ? 1 : 0];
        return pool[random.nextInt(pool.length)];
    }

    /** The fields laid out as the family does. */
    private void layFields(Family family, boolean english, Builder b, List<String> fields, Map<String, String> shown, boolean header) {
        List<String[]> pairs = new ArrayList<>();
        for (String name : fields) {
            boolean en = family == Family.MIXED_LABELS ? random.nextBoolean() : english;
            pairs.add(new String[] {label(name, en), shown.get(name)});
        }
        float s = b.size;
        switch (family) {
            case RULED_TABLE -> {
                float top = b.y - s * 1.4f;
                float rowH = s * 2.3f;
                float mid = 50 + Math.max(200, pairs.stream().map(p -> b.width(p[0])).max(Float::compare).orElse(0f) + 3 * s);
                for (int i = 0; i < pairs.size(); i++) {
                    float y = top + i * rowH;
                    b.rule(50, y, 545, y);
                    b.text(58, y + s * 1.55f, pairs.get(i)[0]);
                    b.text(mid + 8, y + s * 1.55f, pairs.get(i)[1]);
                }
                float bottom = top + pairs.size() * rowH;
                b.rule(50, bottom, 545, bottom);
                b.rule(50, top, 50, bottom);
                b.rule(mid, top, mid, bottom);
                b.rule(545, top, 545, bottom);
                b.y = bottom + s * 3;
            }
            case KV_GRID -> {
                float l1 = 50;
                float v1 = l1 + maxWidth(b, pairs, 0) + 3 * s;
                float l2 = v1 + maxWidth(b, pairs, 1) + 4 * s;
                float v2 = l2 + maxWidth(b, pairs, 0) + 3 * s;
                boolean two = v2 + maxWidth(b, pairs, 1) < 550;
                for (int i = 0; i < pairs.size(); i += two ? 2 : 1) {
                    b.text(l1, b.y, pairs.get(i)[0]);
                    b.text(v1, b.y, pairs.get(i)[1]);
                    if (two && i + 1 < pairs.size()) {
                        b.text(l2, b.y, pairs.get(i + 1)[0]);
                        b.text(v2, b.y, pairs.get(i + 1)[1]);
                    }
                    b.y += s * 2.2f;
                }
                b.y += s * 1.5f;
            }
            case LABEL_ABOVE -> {
                float colW = Math.max(maxWidth(b, pairs, 0), maxWidth(b, pairs, 1)) + 4 * s;
                int columns = Math.max(1, Math.min(3, (int) (495 / colW)));
                for (int i = 0; i < pairs.size(); i += columns) {
                    for (int c = 0; c < columns && i + c < pairs.size(); c++) {
                        b.text(50 + c * colW, b.y, pairs.get(i + c)[0]);
                        b.text(50 + c * colW, b.y + s * 1.6f, pairs.get(i + c)[1]);
                    }
                    b.y += s * 4f;
                }
                b.y += s;
            }
            case RIGHT_ALIGNED -> {
                for (String[] p : pairs) {
                    b.text(50, b.y, p[0]);
                    b.right(545, b.y, p[1]);
                    b.y += s * 2.2f;
                }
                b.y += s * 1.5f;
            }
            case TWO_COLUMNS, MIXED_LABELS, FULLWIDTH_COLON, HEADER_TABLE -> {
                boolean fullWidth = family == Family.FULLWIDTH_COLON;
                List<String> cells = new ArrayList<>();
                for (String[] p : pairs) {
                    String label = p[0];
                    if (fullWidth && label.codePoints().allMatch(TextLine::isCjk) && random.nextBoolean()) {
                        label = String.join(" ", label.split("")); // 交 收 日 期
                    }
                    String colon = fullWidth || (!english && random.nextBoolean()) ? "：" : ": ";
                    cells.add(label + colon + p[1]);
                }
                float colW = cells.stream().map(b::width).max(Float::compare).orElse(0f) + 5 * s;
                boolean two = (family == Family.TWO_COLUMNS || family == Family.MIXED_LABELS) && 50 + 2 * colW < 555;
                for (int i = 0; i < cells.size(); i += two ? 2 : 1) {
                    b.text(50, b.y, cells.get(i));
                    if (two && i + 1 < cells.size()) {
                        b.text(50 + colW, b.y, cells.get(i + 1));
                    }
                    b.y += s * 2.1f;
                }
                b.y += s * 1.5f;
            }
        }
    }

    private static float maxWidth(Builder b, List<String[]> pairs, int k) {
        return pairs.stream().map(p -> b.width(p[k])).max(Float::compare).orElse(0f);
    }

    /** Clearing: header labels in a row, their values in the row below, left-aligned in the same columns. */
    private void tradeTable(Builder b, boolean english, List<String> fields, Map<String, String> shown) {
        float s = b.size;
        float x = 50;
        float top = b.y - s * 1.4f;
        List<Float> xs = new ArrayList<>();
        for (String name : fields) {
            String label = shortest(name, english, b);
            xs.add(x);
            b.text(x + 4, b.y, label);
            b.text(x + 4, b.y + s * 2.3f, shown.get(name));
            x += Math.max(b.width(label), b.width(shown.get(name))) + 2.5f * s;
        }
        float bottom = b.y + s * 3.1f;
        b.rule(50, top, x, top);
        b.rule(50, b.y + s * 0.8f, x, b.y + s * 0.8f);
        b.rule(50, bottom, x, bottom);
        b.y = bottom + s * 3;
    }

    private String shortest(String field, boolean english, Builder b) {
        String[] pool = LABELS.get(field)[english ? 1 : 0];
        String pick = pool[random.nextInt(pool.length)];
        return b.width(pick) < 95 ? pick : java.util.Arrays.stream(pool).min((p, q) -> Float.compare(b.width(p), b.width(q))).orElse(pick);
    }

    /** Bank: the transactions as the configured line patterns read them (date, direction, amount, counterparty). */
    private void transactions(Builder b, List<Map<String, String>> txs, boolean english, boolean ruled) {
        float s = b.size;
        float[] xs = {50, 50 + 8 * s, 50 + 13 * s, 50 + 23 * s};
        String[] head = english ? new String[] {"Date", "Dr/Cr", "Amount", "Counterparty"} : new String[] {"日期", "借贷", "金额", "对方户名"};
        float top = b.y - s * 1.4f;
        for (int k = 0; k < 4; k++) {
            b.text(xs[k], b.y, head[k]);
        }
        b.y += s * 2.1f;
        boolean words = random.nextBoolean();
        for (var tx : txs) {
            boolean credit = "credit".equals(tx.get("direction"));
            String dir = english ? (words ? (credit ? "Credit" : "Debit") : (credit ? "CR" : "DR")) : (words ? (credit ? "收入" : "支出") : (credit ? "贷" : "借"));
            String[] cells = {tx.get("date").replace('-', english ? '/' : '-'), dir, amount(new BigDecimal(tx.get("amount"))), tx.get("counterparty")};
            for (int k = 0; k < 4; k++) {
                b.text(xs[k], b.y, cells[k]);
            }
            b.y += s * 2.1f;
        }
        if (ruled) {
            b.rule(50, top, 545, top);
            b.rule(50, b.y - s * 1.4f, 545, b.y - s * 1.4f);
        }
    }

    private String date(LocalDate d, boolean english) {
        return switch (random.nextInt(english ? 3 : 4)) {
            case 0 -> d.toString();
            case 1 -> d.toString().replace('-', '/');
            case 2 -> d.toString().replace('-', '.');
            default -> StatementCorpus.cnDate(d);
        };
    }

    private String amount(BigDecimal v) {
        return random.nextInt(3) == 0 ? v.toPlainString() : StatementCorpus.grouped(v);
    }

    private BigDecimal money(int min, int max) {
        return BigDecimal.valueOf(min * 100L + (long) (random.nextDouble() * (max - min) * 100), 2);
    }

    /** Collects the drawing of one page; y grows downwards, in points. */
    private static final class Builder {
        static final FontRenderContext FRC = new FontRenderContext(null, true, true);
        final List<Op> ops = new ArrayList<>();
        final String latin;
        final float size;
        float y = 90;

        Builder(String latin, float size) {
            this.latin = latin;
            this.size = size;
        }

        void title(String t) {
            ops.add(new Text(50, y, t, size * 1.5f, true, false));
            y += size * 3.5f;
        }

        void text(float x, float yy, String t) {
            ops.add(new Text(x, yy, t, size, false, false));
        }

        void right(float x, float yy, String t) {
            ops.add(new Text(x, yy, t, size, false, true));
        }

        void rule(float x0, float y0, float x1, float y1) {
            ops.add(new Rule(x0, y0, x1, y1));
        }

        float width(String t) {
            return (float) font(latin, t, Font.PLAIN, size).getStringBounds(t, FRC).getWidth();
        }
    }

    /** Chinese text in the CJK font, anything else in the page's Latin font. */
    static Font font(String latin, String text, int style, float size) {
        boolean cjk = text.codePoints().anyMatch(TextLine::isCjk);
        return new Font(cjk ? StatementCorpus.CJK_FONT : latin, style, 1).deriveFont(size);
    }

    // ---- rendering ----

    public BufferedImage render(Page page) {
        float k = page.dpi() / 72f;
        int w = Math.round(PAGE_W * k);
        int h = Math.round(PAGE_H * k);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(Math.max(1f, 0.8f * k)));
        for (Op op : page.ops()) {
            if (op instanceof Text t) {
                Font f = font(page.font(), t.text(), t.bold() ? Font.BOLD : Font.PLAIN, t.size() * k);
                g.setFont(f);
                float x = t.x() * k;
                if (t.right()) {
                    x -= (float) f.getStringBounds(t.text(), g.getFontRenderContext()).getWidth();
                }
                g.drawString(t.text(), x, t.y() * k);
            } else if (op instanceof Rule r) {
                g.draw(new Line2D.Float(r.x0() * k, r.y0() * k, r.x1() * k, r.y1() * k));
            }
        }
        g.dispose();
        return img;
    }

    /** A noisy scan of the page (rotation up to ±2°, grey noise, speckle, JPEG quality 0.6). */
    public byte[] noisyScan(Page page) {
        return StatementCorpus.jpeg(noise.noisy(render(page), noise.randomSkew()), 0.6f);
    }

    public byte[] cleanScan(Page page) {
        return StatementCorpus.png(render(page));
    }

    /** The page as a PDF with a text layer (every text in WenQuanYi Zen Hei), rulings drawn. */
    public static byte[] textPdf(Page page) {
        try (PDDocument doc = new PDDocument();
             TrueTypeCollection ttc = new TrueTypeCollection(StatementCorpus.cjkFontFile())) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            doc.addPage(pdfPage);
            try (PDPageContentStream cs = new PDPageContentStream(doc, pdfPage)) {
                for (Op op : page.ops()) {
                    if (op instanceof Text t) {
                        float x = t.right() ? t.x() - font.getStringWidth(t.text()) / 1000 * t.size() : t.x();
                        cs.beginText();
                        cs.setFont(font, t.size());
                        cs.newLineAtOffset(x, PAGE_H - t.y());
                        cs.showText(t.text());
                        cs.endText();
                    } else if (op instanceof Rule r) {
                        cs.moveTo(r.x0(), PAGE_H - r.y0());
                        cs.lineTo(r.x1(), PAGE_H - r.y1());
                        cs.stroke();
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
