package io.clearflow.bots.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;

/**
 * A generated corpus of statements with known ground truth: bank statements and clearing settlement statements
 * in several layouts (Chinese labels, English labels, label above value), two fonts (WenQuanYi Zen Hei for CJK,
 * DejaVu Sans / Liberation Serif for Latin layouts), rendered at 300 dpi as clean or noisy scans (rotation up to
 * ±2°, speckle, JPEG artefacts) or as PDFs with a text layer.
 */
public final class StatementCorpus {

    public static final String CJK_FONT = "WenQuanYi Zen Hei";
    static final int DPI = 300;
    static final int WIDTH = 2480;   // A4 at 300 dpi
    static final int HEIGHT = 3508;

    /** A statement and what a perfect reader extracts from it. */
    public record Statement(String type, int layout, Map<String, String> fields, List<Map<String, String>> transactions,
                            List<String[]> lines) {
        public String key() {
            return "bank_statement".equals(type) ? fields.get("account_no") + "|" + fields.get("statement_date")
                    : fields.get("participant_code") + "|" + fields.get("settlement_date") + "|" + fields.get("security_code");
        }
    }

    private final Random random;

    public StatementCorpus(long seed) {
        this.random = new Random(seed);
    }

    public static boolean fontsAvailable() {
        return new Font(CJK_FONT, Font.PLAIN, 12).getFamily(Locale.ROOT).equals(CJK_FONT);
    }

    public Statement bankStatement(int layout) {
        String account = String.format(Locale.ROOT, "6222%012d", Math.abs(random.nextLong()) % 1_000_000_000_000L);
        LocalDate date = LocalDate.of(2025, 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
        BigDecimal opening = money(100_000, 9_000_000);
        String[] parties = {"上海证券交易所", "中国证券登记结算", "招商银行股份有限公司", "华泰证券", "Shenzhen Clearing Co",
                "Bank of Shanghai", "平安银行", "China Merchants Fund"};
        List<Map<String, String>> txs = new ArrayList<>();
        BigDecimal balance = opening;
        int n = 3 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            boolean credit = random.nextBoolean();
            BigDecimal amount = money(100, 90_000);
            balance = credit ? balance.add(amount) : balance.subtract(amount);
            Map<String, String> tx = new LinkedHashMap<>();
            tx.put("date", date.withDayOfMonth(1 + i * 3).toString());
            tx.put("direction", credit ? "credit" : "debit");
            tx.put("amount", amount.toPlainString());
            tx.put("counterparty", layout == 1 ? ascii(parties[random.nextInt(parties.length)])
                    : parties[random.nextInt(parties.length)]);
            txs.add(tx);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("account_no", account);
        f.put("statement_date", date.toString());
        f.put("opening_balance", opening.toPlainString());
        f.put("closing_balance", balance.toPlainString());
        List<String[]> lines = new ArrayList<>();
        switch (layout) {
            case 0 -> { // Chinese, label：value per line, dates 2025年03月31日
                lines.add(new String[] {"中国示范银行 银行对账单"});
                lines.add(new String[] {"户名：示范证券股份有限公司"});
                lines.add(new String[] {"账号：" + group4(account), "币种：人民币"});
                lines.add(new String[] {"对账日期：" + cnDate(date)});
                lines.add(new String[] {"期初余额：" + grouped(opening)});
                lines.add(new String[] {"日期", "借贷", "金额", "对方户名"});
                for (var tx : txs) {
                    lines.add(new String[] {tx.get("date"), "credit".equals(tx.get("direction")) ? "贷" : "借",
                            grouped(new BigDecimal(tx.get("amount"))), tx.get("counterparty")});
                }
                lines.add(new String[] {"期末余额：" + grouped(balance)});
            }
            case 1 -> { // English labels, two columns, slashes in dates
                lines.add(new String[] {"DEMO BANK  Account Statement"});
                lines.add(new String[] {"Account Name: Demo Securities Co Ltd", "Currency: CNY"});
                lines.add(new String[] {"Account No.: " + account, "Statement Date: " + date.toString().replace('-', '/')});
                lines.add(new String[] {"Opening Balance: " + grouped(opening)});
                lines.add(new String[] {"Date", "Counterparty", "Dr/Cr", "Amount"});
                for (var tx : txs) {
                    lines.add(new String[] {tx.get("date").replace('-', '/'), tx.get("counterparty"),
                            "credit".equals(tx.get("direction")) ? "CR" : "DR", grouped(new BigDecimal(tx.get("amount")))});
                }
                lines.add(new String[] {"Closing Balance: " + grouped(balance)});
            }
            default -> { // Chinese, label on its own line above the value, different label words
                lines.add(new String[] {"示范商业银行 对账单"});
                lines.add(new String[] {"账户："});
                lines.add(new String[] {account});
                lines.add(new String[] {"账单日期：" + date});
                lines.add(new String[] {"上期余额：" + opening.toPlainString()});
                for (var tx : txs) {
                    lines.add(new String[] {tx.get("date"), "credit".equals(tx.get("direction")) ? "收入" : "支出",
                            new BigDecimal(tx.get("amount")).toPlainString(), tx.get("counterparty")});
                }
                lines.add(new String[] {"本期余额：" + balance.toPlainString()});
            }
        }
        return new Statement("bank_statement", layout, f, txs, lines);
    }

    public Statement clearingStatement(int layout) {
        String participant = String.format(Locale.ROOT, "%s%05d", layout == 1 ? "PB" : "B", random.nextInt(100_000));
        LocalDate date = LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String security = String.format(Locale.ROOT, "%06d", 600_000 + random.nextInt(9_999));
        long quantity = 100L * (1 + random.nextInt(5_000));
        BigDecimal gross = money(1_000, 5_000_000);
        BigDecimal fees = gross.multiply(new BigDecimal("0.00031")).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal net = gross.add(fees);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("participant_code", participant);
        f.put("settlement_date", date.toString());
        f.put("security_code", security);
        f.put("quantity", Long.toString(quantity));
        f.put("gross_amount", gross.toPlainString());
        f.put("fees", fees.toPlainString());
        f.put("net_amount", net.toPlainString());
        List<String[]> lines = new ArrayList<>();
        switch (layout) {
            case 0 -> {
                lines.add(new String[] {"中国示范登记结算 清算交收单"});
                lines.add(new String[] {"结算参与人代码：" + participant, "交收日期：" + cnDate(date)});
                lines.add(new String[] {"证券代码：" + security, "证券简称：示范股份"});
                lines.add(new String[] {"成交数量：" + String.format(Locale.ROOT, "%,d", quantity)});
                lines.add(new String[] {"成交金额：" + grouped(gross), "费用合计：" + grouped(fees)});
                lines.add(new String[] {"交收净额：" + grouped(net)});
            }
            case 1 -> {
                lines.add(new String[] {"DEMO CLEARING  Settlement Statement"});
                lines.add(new String[] {"Participant Code: " + participant});
                lines.add(new String[] {"Settlement Date: " + date, "Security Code: " + security});
                lines.add(new String[] {"Quantity: " + quantity});
                lines.add(new String[] {"Gross Amount: " + grouped(gross)});
                lines.add(new String[] {"Fees: " + fees.toPlainString()});
                lines.add(new String[] {"Net Settlement Amount: " + grouped(net)});
            }
            default -> {
                lines.add(new String[] {"清算交收单（示范）"});
                lines.add(new String[] {"参与人代码：" + participant});
                lines.add(new String[] {"结算日期：" + date.toString().replace('-', '/')});
                lines.add(new String[] {"证券代码：" + security});
                lines.add(new String[] {"交收数量：" + quantity});
                lines.add(new String[] {"成交金额：" + gross.toPlainString()});
                lines.add(new String[] {"手续费：" + fees.toPlainString()});
                lines.add(new String[] {"应收付净额：" + net.toPlainString()});
            }
        }
        return new Statement("clearing_settlement", layout, f, List.of(), lines);
    }

    /** A statement whose closing balance is off by 100.00: extraction must flag the totals. */
    public Statement withWrongTotal(Statement s) {
        Map<String, String> f = new LinkedHashMap<>(s.fields());
        String closingLabel = s.layout() == 1 ? "Closing Balance: " : s.layout() == 0 ? "期末余额：" : "本期余额：";
        BigDecimal wrong = new BigDecimal(f.get("closing_balance")).add(new BigDecimal("100.00"));
        f.put("closing_balance", wrong.toPlainString());
        List<String[]> lines = new ArrayList<>(s.lines());
        lines.set(lines.size() - 1, new String[] {closingLabel + (s.layout() == 2 ? wrong.toPlainString() : grouped(wrong))});
        return new Statement(s.type(), s.layout(), f, s.transactions(), lines);
    }

    // ---- rendering ----

    public BufferedImage render(Statement s) {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // 12 pt at 300 dpi = 50 px; layout 1 is Latin only and uses a Latin font
        String family = s.layout() == 1 ? (s.type().equals("bank_statement") ? "DejaVu Sans" : "Liberation Serif") : CJK_FONT;
        Font body = new Font(family, Font.PLAIN, 46);
        Font title = new Font(family, Font.BOLD, 64);
        int y = 260;
        boolean first = true;
        for (String[] line : s.lines()) {
            g.setFont(first ? title : body);
            int x = 200;
            int column = line.length <= 2 ? 1100 : 520;
            for (String cell : line) {
                g.drawString(cell, x, y);
                x += Math.max(column, g.getFontMetrics().stringWidth(cell) + 80);
            }
            y += first ? 160 : 100;
            first = false;
        }
        g.dispose();
        return page;
    }

    /** A scan: rotated by up to ±2°, speckled, grey noise; JPEG-compressed by {@link #jpeg}. */
    public BufferedImage noisy(BufferedImage clean, double degrees) {
        BufferedImage out = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(clean, AffineTransform.getRotateInstance(Math.toRadians(degrees), out.getWidth() / 2.0,
                out.getHeight() / 2.0), null);
        g.dispose();
        byte[] p = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < p.length; i++) {
            int v = (p[i] & 0xff) + (int) (random.nextGaussian() * 18);
            double r = random.nextDouble();
            if (r < 0.002) {
                v = 0;          // pepper
            } else if (r < 0.004) {
                v = 255;        // salt
            }
            p[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return out;
    }

    public double randomSkew() {
        return (random.nextDouble() * 4) - 2;
    }

    public static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            var out = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (var ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a text layer (fonts embedded as subsets), one statement per page. */
    public static byte[] textPdf(Statement s) {
        try (PDDocument doc = new PDDocument();
             TrueTypeCollection ttc = new TrueTypeCollection(cjkFontFile())) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 780;
                for (String[] line : s.lines()) {
                    float x = 50;
                    for (String cell : line) {
                        cs.beginText();
                        cs.setFont(font, 11);
                        cs.newLineAtOffset(x, y);
                        cs.showText(cell);
                        cs.endText();
                        x += Math.max(line.length <= 2 ? 260 : 125, font.getStringWidth(cell) / 1000 * 11 + 20);
                    }
                    y -= 24;
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF without text: the page is an image, as a scanner makes it. */
    public static byte[] scannedPdf(BufferedImage scan) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(doc, scan, 0.85f, DPI);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static File cjkFontFile() {
        return new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    }

    private BigDecimal money(int min, int max) {
        return BigDecimal.valueOf(min * 100L + (long) (random.nextDouble() * (max - min) * 100), 2);
    }

    static String grouped(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    static String group4(String digits) {
        return digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    static String cnDate(LocalDate d) {
        return String.format(Locale.ROOT, "%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static String ascii(String party) {
        return party.chars().allMatch(c -> c < 128) ? party : "Demo Counterparty Ltd";
    }
}
