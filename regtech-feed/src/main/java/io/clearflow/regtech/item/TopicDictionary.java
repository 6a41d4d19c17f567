package io.clearflow.regtech.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in zh/en topic dictionary: the seed tracker's tags (§(f)) with the words regulators use
 * for them. Replace it with {@code clearflow.regtech.topics.<id>=word,word} (and
 * {@code clearflow.regtech.topic-departments.<id>=dept,dept}).
 */
public final class TopicDictionary {

    private TopicDictionary() { }

    public static final Map<String, List<String>> DEFAULT_TOPICS;
    public static final Map<String, List<String>> DEFAULT_DEPARTMENTS;

    static {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("aml", List.of("AML", "CFT", "anti-money laundering", "money laundering", "ML/TF", "terrorist financing",
                "sanctions", "反洗钱", "洗钱", "恐怖融资", "制裁"));
        t.put("crypto", List.of("crypto", "crypto-asset", "cryptoasset", "digital asset", "CASP", "stablecoin", "tokenisation",
                "tokenization", "virtual asset", "加密资产", "虚拟资产", "数字资产", "稳定币", "代币化"));
        t.put("ai", List.of("artificial intelligence", "AI", "generative AI", "GenAI", "machine learning", "AI Act",
                "人工智能", "生成式", "大模型", "算法"));
        t.put("cyber", List.of("cyber", "cybersecurity", "information security", "operational resilience", "DORA",
                "网络安全", "信息安全", "网络和信息安全", "数据安全", "运行安全"));
        t.put("cbdc-payments", List.of("CBDC", "wCBDC", "e-CNY", "payment", "payments", "Ensemble", "cross-border payment",
                "数字人民币", "央行数字货币", "支付", "跨境支付", "人民币跨境支付"));
        t.put("data", List.of("data asset", "data governance", "digital economy", "personal data", "data protection",
                "数据资产", "数据要素", "数字经济", "个人信息", "数据治理"));
        t.put("disclosure", List.of("disclosure", "Form CRS", "reporting", "transparency", "annual report",
                "信息披露", "披露", "年报"));
        t.put("digital-identity", List.of("digital identity", "Digital ID", "eKYC", "KYC", "identity verification",
                "数字身份", "身份认证", "实名"));
        t.put("enforcement", List.of("enforcement", "charges", "penalty", "fined", "fine", "sanction", "settles", "cease-and-desist",
                "执法", "处罚", "罚款", "立案", "稽查", "违法"));
        t.put("market-infrastructure", List.of("market infrastructure", "FMI", "clearing", "settlement", "central counterparty",
                "CCP", "CSD", "custody", "trading system", "consolidated audit trail",
                "金融市场基础设施", "清算", "结算", "交收", "登记", "托管", "交易系统"));
        t.put("stress-testing", List.of("stress test", "stress testing", "capacity", "resilience testing",
                "压力测试", "容量", "性能容量"));
        t.put("talent-policy", List.of("talent", "workforce", "skills", "policy", "action plan",
                "人才", "数字人才", "政策", "行动方案", "工作要点"));
        DEFAULT_TOPICS = Map.copyOf(t);

        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("aml", List.of("dept-account", "dept-compliance"));
        d.put("crypto", List.of("dept-compliance"));
        d.put("ai", List.of("dept-it"));
        d.put("cyber", List.of("dept-it"));
        d.put("cbdc-payments", List.of("dept-clearing", "dept-it"));
        d.put("data", List.of("dept-it"));
        d.put("disclosure", List.of("dept-registry", "dept-compliance"));
        d.put("digital-identity", List.of("dept-account"));
        d.put("enforcement", List.of("dept-compliance"));
        d.put("market-infrastructure", List.of("dept-clearing", "dept-registry"));
        d.put("stress-testing", List.of("dept-it"));
        d.put("talent-policy", List.of("dept-operations"));
        DEFAULT_DEPARTMENTS = Map.copyOf(d);
    }

    /** Topic ids in display order. */
    public static final List<String> TOPIC_ORDER = List.of("aml", "crypto", "ai", "cyber", "cbdc-payments", "data",
            "disclosure", "digital-identity", "enforcement", "market-infrastructure", "stress-testing", "talent-policy");
}
