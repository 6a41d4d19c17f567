package io.clearflow.bots.accountopening;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders a specimen front of a resident ID card (labels and values as on the real card, no photo or
 * security print) for tests, the benchmark and demos. Needs the CJK font "WenQuanYi Zen Hei"
 * (Debian {@code fonts-wqy-zenhei}).
 */
public final class SpecimenCard {

    public static final String FONT = "WenQuanYi Zen Hei";

    private SpecimenCard() {
    }

    /** A PNG (or JPEG when {@code format} is "jpg") of 1012 × 638 pixels: the card's 85.6 × 54 mm at 300 dpi. */
    public static byte[] render(String name, String idNumber, String address, String format) {
        BufferedImage card = new BufferedImage(1012, 638, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F1E8));
        g.fillRect(0, 0, card.getWidth(), card.getHeight());
        Font label = new Font(FONT, Font.PLAIN, 30);
        Font value = new Font(FONT, Font.PLAIN, 38);
        g.setColor(new Color(0x2B6CB0));
        g.setFont(label);
        g.drawString("姓名", 60, 110);
        g.drawString("性别", 60, 190);
        g.drawString("民族", 280, 190);
        g.drawString("出生", 60, 270);
        g.drawString("住址", 60, 350);
        g.drawString("公民身份号码", 60, 560);
        g.setColor(Color.BLACK);
        g.setFont(value);
        g.drawString(name, 160, 110);
        g.drawString("男", 160, 190);
        g.drawString("汉", 380, 190);
        if (idNumber.length() >= 14) {
            g.drawString(idNumber.substring(6, 10) + " 年 " + Integer.parseInt(idNumber.substring(10, 12)) + " 月 "
                    + Integer.parseInt(idNumber.substring(12, 14)) + " 日", 160, 270);
        }
        g.drawString(address.length() > 14 ? address.substring(0, 14) : address, 160, 350);
        g.setFont(new Font(FONT, Font.PLAIN, 44));
        g.drawString(idNumber, 300, 562);
        g.setColor(new Color(0xBBBBBB));
        g.drawRect(700, 70, 260, 320); // where the photo would be
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(card, format.equals("jpg") ? "jpg" : "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
