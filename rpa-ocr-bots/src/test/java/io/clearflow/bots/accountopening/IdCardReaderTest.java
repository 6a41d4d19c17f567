package io.clearflow.bots.accountopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Tesseract on specimen ID cards rendered here with the CJK font. Inputs tried: a PNG and a
 * JPEG card, a card whose name differs from the form, bytes that are no image, and a PNG header with
 * garbage after it.
 */
class IdCardReaderTest {

    static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    static IdCardReader reader;

    @BeforeAll
    static void reader() {
        assertThat(Files.exists(Path.of(TESSDATA, "chi_sim.traineddata"))).as("tesseract-ocr-chi-sim must be installed (./test.sh installs it)").isTrue();
        reader = new IdCardReader(TESSDATA, "chi_sim+eng");
    }

    @Test
    void readsNameAndNumberOffAPngAndAJpegCard() throws Exception {
        var png = reader.read(SpecimenCard.render("王小明", "110105199001011232", "北京市朝阳区建国路1号", "png"));
        assertThat(png.name()).as(png.raw()).contains("王小明");
        assertThat(png.idNumber()).as(png.raw()).contains("110105199001011232");

        var jpeg = reader.read(SpecimenCard.render("李四海", "11010519491231002X", "上海市浦东新区世纪大道", "jpg"));
        assertThat(jpeg.name()).as(jpeg.raw()).contains("李四海");
        assertThat(jpeg.idNumber()).as(jpeg.raw()).contains("11010519491231002X");
    }

    @Test
    void aCardOfSomeoneElseIsAFinding() throws Exception {
        var card = reader.read(SpecimenCard.render("王小明", "110105199001011232", "北京市", "png"));
        assertThat(AccountOpeningBot.compare(card, "王大明", "110105199001011232"))
                .singleElement().asString().contains("王小明").contains("王大明");
    }

    @Test
    void theNameIsFoundAfterItsLabelDespiteTesseractsSpacesAndStrayMarks() {
        var card = IdCardReader.parse("姓名” 吴 敏 |\n性别 男 民族 汉\n公民身份号码 全10105199001011232\n");
        assertThat(card.name()).contains("吴敏");
        // a stray character glued to the number: the window with a valid check character wins
        assertThat(IdCardReader.parse("公民身份号码 4110105199001011232\n").idNumber()).contains("110105199001011232");
    }

    @Test
    void whatIsNoImageIsUnreadableNotACrash() {
        assertThatThrownBy(() -> reader.read("not an image".getBytes()))
                .isInstanceOf(IdCardReader.UnreadableImageException.class);
        byte[] pngHeaderThenGarbage = new byte[400];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, pngHeaderThenGarbage, 0, 8);
        assertThatThrownBy(() -> reader.read(pngHeaderThenGarbage)).isInstanceOf(IdCardReader.UnreadableImageException.class);
    }
}
