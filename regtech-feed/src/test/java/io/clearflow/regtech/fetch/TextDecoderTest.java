package io.clearflow.regtech.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encodings as declared: BOM, configured, Content-Type, XML declaration, HTML meta, UTF-8. */
class TextDecoderTest {

    static final String ZH = "关于发布《证券期货业网络和信息安全管理办法》的通知 — 镕";  // 镕 is GBK, not GB2312

    @Test
    void gb2312DeclaredIsReadAsItsSupersetSoGbkCharactersSurvive() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><t>" + ZH + "</t></rss>").getBytes(Charset.forName("GBK"));
        assertThat(TextDecoder.decode(body, null, "text/xml")).contains(ZH);
    }

    @Test
    void contentTypeCharsetWinsOverTheXmlDeclarationAndTheConfiguredOneOverBoth() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><t>" + ZH + "</t>").getBytes(Charset.forName("GB18030"));
        assertThat(TextDecoder.decode(body, null, "application/rss+xml; charset=GBK")).contains(ZH);
        assertThat(TextDecoder.decode(body, "GB18030", "text/xml; charset=utf-8")).contains(ZH);
    }

    @Test
    void aByteOrderMarkIsHonouredAndRemoved() {
        byte[] text = "<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        assertThat(TextDecoder.decode(body, null, "text/xml; charset=iso-8859-1")).startsWith("<?xml");
        byte[] utf16 = "\uFEFF<rss/>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.decode(utf16, null, null)).isEqualTo("<rss/>");
    }

    @Test
    void latin1AndHtmlMeta() {
        byte[] latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Autorité des marchés</t>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextDecoder.decode(latin, null, null)).contains("Autorité des marchés");
        byte[] html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>" + ZH)
                .getBytes(Charset.forName("GBK"));
        assertThat(TextDecoder.decode(html, null, "text/html")).contains(ZH);
        assertThat(TextDecoder.decode("plain é".getBytes(StandardCharsets.UTF_8), null, null)).isEqualTo("plain é");
        assertThat(TextDecoder.decode("x".getBytes(), "no-such-charset", null)).isEqualTo("x");
    }
}
