package io.clearflow.regtech.item;

import io.clearflow.regtech.RegtechProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the seed's 2024 tracker (§(f), 17 items) as history, once, so the tracker of an embedded
 * default is never empty ({@code clearflow.regtech.seed-history}, on by default).
 */
@Component
class HistorySeeder {

    record Seed(String date, String organisation, String jurisdiction, String title, String summary, List<String> topics) { }

    static final List<Seed> SEED = List.of(
            new Seed("2024-01-09", "FINRA", "US", "FINRA 发布《2024 年度监管监督报告》，新增加密资产与信息披露议题",
                    "2024 Annual Regulatory Oversight Report: new topics crypto-asset developments and disclosure; findings on cybersecurity, AML, fraud and sanctions, Reg BI and Form CRS, Consolidated Audit Trail.",
                    List.of("crypto", "aml", "cyber", "disclosure")),
            new Seed("2024-01-16", "EBA", "EU", "欧洲银行管理局将洗钱/恐怖融资风险因素指引扩展至加密资产服务提供商",
                    "ML/TF Risk Factors Guidelines extended to crypto-asset service providers (CASPs).", List.of("aml", "crypto")),
            new Seed("2024-01-24", "清华大学等", "CN", "《2024 年金融业生成式人工智能应用报告》：生成式 AI 或带来约 3 万亿元商业价值",
                    "2024 Financial-Industry Generative-AI Application Report.", List.of("ai")),
            new Seed("2024-01-30", "俄罗斯央行", "RU", "俄罗斯央行推动金砖国家评级互认与共同反洗钱平台",
                    "BRICS mutual rating recognition and a common AML platform.", List.of("aml")),
            new Seed("2024-02-05", "PBoC", "CN", "人民银行在首都机场和大兴机场设立境外来宾支付服务示范区",
                    "\"Large by card, small by QR, cash fallback\"; improvement within 3-6 months.", List.of("cbdc-payments")),
            new Seed("2024-02-20", "上海市网信办", "CN", "上海以信息化驱动新质生产力，把握人工智能发展机遇",
                    "Informatization drives new quality productive forces; AI opportunities; core-tech breakthroughs.", List.of("ai", "talent-policy")),
            new Seed("2024-02-27", "上海市 / PBoC", "CN", "支持上海国际金融中心建设：人民币跨境支付体系与数字人民币试点",
                    "Cross-border trade and investment facilitation, FMI, RMB cross-border payment system, e-CNY pilot.",
                    List.of("market-infrastructure", "cbdc-payments")),
            new Seed("2024-03-01", "中国银行业协会", "CN", "《银行业数据资产估值指南》发布",
                    "Banking Data-Asset Valuation Guidelines: identification, assessment, management, value enhancement.", List.of("data")),
            new Seed("2024-03-07", "HKMA", "HK", "香港金管局启动批发层面央行数字货币项目 Ensemble",
                    "Wholesale CBDC project Ensemble; wCBDC architecture working group.", List.of("cbdc-payments", "crypto")),
            new Seed("2024-03-08", "DIFC", "AE", "迪拜国际金融中心颁布全球首部《数字资产法》",
                    "World's first Digital Assets Law; securities law amendments.", List.of("crypto")),
            new Seed("2024-03-13", "European Parliament", "EU", "欧洲议会通过《人工智能法案》，罚款最高可达营业额 7%",
                    "AI Act approved: risk tiers; fines up to 7 % of revenue.", List.of("ai")),
            new Seed("2024-03-27", "Hana Financial Group", "KR", "韩亚金融集团发布 AI 伦理准则（五大价值）",
                    "AI ethics code with five value groups.", List.of("ai")),
            new Seed("2024-04-17", "人社部等九部门", "CN", "《加快数字人才培育支撑数字经济发展行动方案（2024—2026 年）》",
                    "Action Plan for Digital-Talent Cultivation (2024-2026).", List.of("talent-policy", "data")),
            new Seed("2024-04-26", "HKMA", "HK", "香港金管局推出金融科技合作平台 FiNETech，约 100 家机构参与",
                    "FiNETech platform: wealthtech, insurtech, greentech, AI, DLT.", List.of("ai")),
            new Seed("2024-04-29", "国家发展改革委 / 国家数据局", "CN", "《数字经济 2024 年工作要点》部署九方面重点工作",
                    "Key Points of Digital-Economy Work 2024: 9 areas.", List.of("data", "talent-policy")),
            new Seed("2024-05-15", "CSRC", "CN", "证监会通报 2023 年执法情况：2024 年加大监管科技运用",
                    "Enforcement overview 2023; 2024 focus on regtech, collaboration, disclosure and trading supervision.",
                    List.of("enforcement", "disclosure")),
            new Seed("2024-05-20", "Australian Government", "AU", "澳大利亚通过《2024 年数字身份法案》",
                    "Digital ID Bill 2024 passed; financial organisations may join the government Digital ID system.",
                    List.of("digital-identity")));

    private final ItemRepository items;
    private final RegtechProperties properties;

    HistorySeeder(ItemRepository items, RegtechProperties properties) {
        this.items = items;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        if (!properties.seedHistory() || items.total() > 0) {
            return;
        }
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.now();
        for (Seed s : SEED) {
            LocalDate day = LocalDate.parse(s.date());
            List<String> departments = new java.util.ArrayList<>(List.of("dept-compliance"));
            for (String t : s.topics()) {
                for (String d : properties.topicDepartments().getOrDefault(t, List.of())) {
                    if (!departments.contains(d)) {
                        departments.add(d);
                    }
                }
            }
            items.insert(new ItemRepository.NewItem(s.title(), io.clearflow.regtech.parse.ItemText.normalised(s.title()), null,
                    s.summary(), day.atStartOfDay(shanghai).toInstant(), day, null, s.jurisdiction(), s.organisation(),
                    s.topics(), departments, false, null, "new"), now);
        }
    }
}
