package io.clearflow.regtech.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tuning corpus: feeds shaped like the regulators' real ones (SEC, FINRA, FCA, EBA, ESMA, HKMA,
 * BIS, FSB; FeedBurner; a GBK Chinese feed; RSS 0.91; CSRC/PBoC/SSE/SZSE/CSDC list pages; JSON).
 * Expected values are worked out by hand from the files.
 */
class FeedCorpusTest {

    static List<String> titles(ParsedFeed f) {
        return f.items().stream().map(ParsedItem::title).toList();
    }

    @Test
    void secTitlesAndLinksAreCleanedAndZonedDatesKept() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/sec-press.rss", "https://www.sec.gov/news/pressreleases.rss");
        assertThat(titles(f)).containsExactly("SEC Charges Firm with Failing to Maintain Anti-Money Laundering Program",
                "SEC Approves Nasdaq Dynamic M-ELO Order Type", "Statement on Cybersecurity Risk Management Disclosure");
        assertThat(f.items().get(0).link()).isEqualTo("https://www.sec.gov/newsroom/press-releases/2024-12");
        assertThat(f.items().get(1).link()).isEqualTo("https://www.sec.gov/newsroom/press-releases/2023-190");
        assertThat(f.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-01-30T15:30:00Z"));
        assertThat(f.items().get(1).publishedAt()).isEqualTo(Instant.parse("2023-09-15T20:05:00Z"));
        assertThat(f.items().get(0).guid()).isEqualTo("2024-12");
        assertThat(f.items().get(0).summary()).isEqualTo("The Securities and Exchange Commission today announced settled charges ...");
    }

    @Test
    void finraAndHkmaDates() throws Exception {
        ParsedFeed finra = Corpus.feed("tuning/finra-news.rss", "https://www.finra.org/rss/news-releases");
        assertThat(finra.items()).hasSize(2);
        assertThat(finra.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-01-09T14:00:00Z"));
        assertThat(finra.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-03-04T15:30:00Z"));
        ParsedFeed hkma = Corpus.feed("tuning/hkma-press.rss", "https://www.hkma.gov.hk/rss.xml");
        assertThat(hkma.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-03-07T08:30:00Z"));
    }

    @Test
    void fcaWithBomRelativeLinksAnInvalidLinkAndNoDate() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/fca-news.rss", "https://www.fca.org.uk/news/rss.xml");
        assertThat(f.items()).hasSize(3);
        assertThat(f.items().get(0).link()).isEqualTo("https://www.fca.org.uk/news/press-releases/operational-resilience-payments");
        assertThat(f.items().get(1).link()).as("kept as written, without its spaces").isEqualTo("javascript:void(0)notalink");
        assertThat(f.items().get(1).linkValid()).isFalse();
        assertThat(f.items().get(2).publishedAt()).as("kept without a date").isNull();
    }

    @Test
    void ebaInLatin1() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/eba-news.rss", "https://www.eba.europa.eu/rss.xml");
        assertThat(f.items().get(0).summary()).contains("réf. EBA/GL/2024/01");
        assertThat(f.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-01-16T10:00:00Z"));
    }

    @Test
    void esmaAtomResolvesAgainstXmlBaseAndKeepsEntriesSharingALink() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/esma-news.atom", "https://www.esma.europa.eu/rss.xml");
        assertThat(titles(f)).containsExactly("ESMA publishes Q&A on MiCA transitional measures",
                "Final report on guidelines on market abuse disclosure",
                "ESMA statement on artificial intelligence in investment services");
        assertThat(f.items().get(0).link()).isEqualTo("https://www.esma.europa.eu/press-news/esma-news");
        assertThat(f.items().get(1).link()).isEqualTo("https://www.esma.europa.eu/document-library/esma-news");
        assertThat(f.items().get(2).link()).isEqualTo("https://www.esma.europa.eu/press-news/esma-news/esma-statement-ai");
        assertThat(f.items().get(0).guid()).isEqualTo("tag:esma.europa.eu,2024:news/1501");
        assertThat(f.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-03-13T11:00:00Z"));
        assertThat(f.items().get(1).publishedAt()).as("published before updated").isEqualTo(Instant.parse("2024-02-28T09:30:00Z"));
    }

    @Test
    void bisRss10AndFsbWordpress() throws Exception {
        ParsedFeed bis = Corpus.feed("tuning/bis-press.rdf", "https://www.bis.org/doclist/all_pressrels.rss");
        assertThat(bis.items()).hasSize(2);
        assertThat(bis.items().get(0).title()).startsWith("Project Agorá");
        assertThat(bis.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-04-03T10:00:00Z"));
        assertThat(bis.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        ParsedFeed fsb = Corpus.feed("tuning/fsb-feed.rss", "https://www.fsb.org/feed/");
        assertThat(titles(fsb)).containsExactly("FSB finalises framework for crypto-asset activities & stablecoins",
                "Enhancing Third-Party Risk Management and Oversight – consultation");
    }

    @Test
    void feedburnerGivesDifferentAnnouncementsOneGuid() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/feedburner-same-guid.rss", "http://feeds.feedburner.com/RegulatorAlerts");
        assertThat(f.items()).hasSize(3);
        assertThat(f.items()).extracting(ParsedItem::guid).containsOnly("http://feeds.feedburner.com/RegulatorAlerts");
        assertThat(f.items().get(2).title()).isEqualTo("Alert: unauthorised firm A");
    }

    @Test
    void gbkChineseFeedDeclaredGb2312WithZonelessDates() throws Exception {
        ParsedFeed f = Corpus.read("tuning/gbk-chinese.rss", "feed", "http://www.example-exchange.cn/rss.xml", "Asia/Shanghai", null);
        assertThat(titles(f)).containsExactly("关于发布《证券期货业信息系统压力测试指南》（征求意见稿）的通知",
                "朱镕基同志题词纪念活动通知", "关于数字人民币试点 业务的说明");
        assertThat(f.items().get(1).publishedAt()).as("Asia/Shanghai is UTC+8").isEqualTo(Instant.parse("2018-09-18T06:38:10Z"));
        assertThat(f.items().get(1).link()).isEqualTo("http://www.example-exchange.cn/notice/2018/0918.html");
        assertThat(f.items().get(2).publishedAt()).isEqualTo(Instant.parse("2024-02-26T16:00:00Z"));
    }

    @Test
    void rss091WithoutDates() throws Exception {
        ParsedFeed f = Corpus.feed("tuning/rss091.xml", "http://www.example.org/rss");
        assertThat(f.items()).hasSize(2).allSatisfy(i -> assertThat(i.publishedAt()).isNull());
    }

    @Test
    void chineseListPagesWithSelectors() throws Exception {
        ParsedFeed csrc = Corpus.read("tuning/csrc-list.html", "html", "http://www.csrc.gov.cn/csrc/c100028/common_list.shtml",
                "Asia/Shanghai", new HtmlListReader.Selectors("ul#list li", "a", "a", "span.date", "yyyy-MM-dd"));
        assertThat(titles(csrc)).containsExactly("证监会通报2023年案件办理情况，2024年将进一步加大监管科技运用",
                "证券期货业网络和信息安全管理办法", "关于加强上市公司信息披露监管的意见");
        assertThat(csrc.items().get(0).link()).isEqualTo("http://www.csrc.gov.cn/csrc/c100028/c7480000/content.shtml");
        assertThat(csrc.items().get(2).link()).isEqualTo("http://www.csrc.gov.cn/csrc/c100028/c7460000/content.shtml");
        assertThat(csrc.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-14T16:00:00Z"));

        ParsedFeed pboc = Corpus.read("tuning/pboc-list.html", "html", "http://www.pbc.gov.cn/goutongjiaoliu/113456/113469/index.html",
                "Asia/Shanghai", new HtmlListReader.Selectors("td.newslist_style", "a", "a", "span.hui12", "yyyy-MM-dd"));
        assertThat(titles(pboc)).containsExactly("人民银行在北京首都国际机场和大兴国际机场设立支付服务示范区", "潘功胜出席上海国际金融中心建设座谈会");

        ParsedFeed sse = Corpus.read("tuning/sse-list.html", "html", "https://www.sse.com.cn/lawandrules/sselawsrules/latest/",
                "Asia/Shanghai", new HtmlListReader.Selectors("dl.sse_list_1 dd", "a", "a", "span", "yyyy-MM-dd"));
        assertThat(sse.items()).hasSize(2);
        assertThat(sse.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-01-18T16:00:00Z"));

        ParsedFeed szse = Corpus.read("tuning/szse-list.html", "html", "https://www.szse.cn/lawrules/rule/new/",
                "Asia/Shanghai", new HtmlListReader.Selectors("ul.newslist li", "a", "a", "span.time", null));
        assertThat(szse.items().get(0).link()).isEqualTo("https://www.szse.cn/lawrules/rule/new/t20240412_606000.html");

        ParsedFeed csdc = Corpus.read("tuning/csdc-list.html", "html", "http://www.chinaclear.cn/zdjs/zywgz/center_flist.shtml",
                "Asia/Shanghai", new HtmlListReader.Selectors("ul.newsList li", null, null, "span.date", null));
        assertThat(csdc.items()).extracting(ParsedItem::publishedAt)
                .containsExactly(Instant.parse("2024-05-09T16:00:00Z"), Instant.parse("2024-03-07T16:00:00Z"));
    }

    @Test
    void jsonEndpoint() throws Exception {
        ParsedFeed f = Corpus.read("tuning/regulator-api.json", "json", "https://example.gov/api/news", "Australia/Sydney",
                new HtmlListReader.Selectors("/data/items", null, null, null, null));
        assertThat(titles(f)).containsExactly("Digital ID Bill 2024 passes Parliament", "Consultation on AI in financial services");
        assertThat(f.items().get(0).link()).isEqualTo("https://example.gov/news/digital-id-bill");
        assertThat(f.items().get(0).guid()).isEqualTo("n-101");
        assertThat(f.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-03-13T08:00:00Z"));
    }

    @Test
    void titlesNormaliseForDedupe() {
        assertThat(ItemText.normalised("Alert:   Unauthorised  Firm A")).isEqualTo(ItemText.normalised("alert: unauthorised firm a"));
        assertThat(ItemText.normalised("关于发布《指南》的通知")).isEqualTo(ItemText.normalised("关于发布 指南 的通知"));
        assertThat(ItemText.normalised("ＡＢＣ１２３")).isEqualTo("abc123");
    }
}
