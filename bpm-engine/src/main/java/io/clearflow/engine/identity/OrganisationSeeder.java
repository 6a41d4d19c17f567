package io.clearflow.engine.identity;

import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the built-in roles on every start (the security rules need them), and on first start
 * the demo organisation when it is enabled. Existing data is never overwritten.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganisationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSeeder.class);

    static final Map<PlatformRole, String> ROLE_NAMES = Map.ofEntries(
            Map.entry(PlatformRole.BUSINESS, "业务人员"),
            Map.entry(PlatformRole.PARTICIPANT, "外部参与人"),
            Map.entry(PlatformRole.PROCESS_OWNER, "流程负责人"),
            Map.entry(PlatformRole.IT_MANAGER, "IT经理"),
            Map.entry(PlatformRole.DEVELOPER, "开发人员"),
            Map.entry(PlatformRole.TESTER, "测试人员"),
            Map.entry(PlatformRole.QC, "质控人员"),
            Map.entry(PlatformRole.OPS, "运维人员"),
            Map.entry(PlatformRole.COMPLIANCE, "合规人员"),
            Map.entry(PlatformRole.ADMIN, "系统管理员"),
            Map.entry(PlatformRole.BOT, "RPA机器人"));

    /** The demo departments, in the order the README lists them. */
    static final List<OrgUnit> DEMO_DEPARTMENTS = List.of(
            new OrgUnit("dept-registry", "登记托管部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-clearing", "清算交收部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-account", "账户管理部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-it", "信息技术部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-compliance", "合规部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-operations", "运营管理部", OrgUnit.Type.DEPARTMENT),
            new OrgUnit("dept-external", "外部参与人", OrgUnit.Type.DEPARTMENT));

    record DemoUser(String id, String name, String department, List<PlatformRole> roles) { }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", "系统管理员", "dept-it", List.of(PlatformRole.ADMIN)),
            new DemoUser("zhangsan", "张三", "dept-registry", List.of(PlatformRole.BUSINESS)),
            new DemoUser("lisi", "李四", "dept-registry", List.of(PlatformRole.BUSINESS)),
            new DemoUser("wangwu", "王五", "dept-clearing", List.of(PlatformRole.BUSINESS)),
            new DemoUser("zhaoliu", "赵六", "dept-account", List.of(PlatformRole.BUSINESS)),
            new DemoUser("sunqi", "孙七", "dept-operations", List.of(PlatformRole.PROCESS_OWNER)),
            new DemoUser("zhouba", "周八", "dept-it", List.of(PlatformRole.IT_MANAGER)),
            new DemoUser("wujiu", "吴九", "dept-it", List.of(PlatformRole.DEVELOPER)),
            new DemoUser("zhengshi", "郑十", "dept-it", List.of(PlatformRole.TESTER)),
            new DemoUser("chenqc", "陈质控", "dept-it", List.of(PlatformRole.QC)),
            new DemoUser("linops", "林运维", "dept-it", List.of(PlatformRole.OPS)),
            new DemoUser("hegui", "何合规", "dept-compliance", List.of(PlatformRole.COMPLIANCE)),
            new DemoUser("issuer01", "示例发行人", "dept-external", List.of(PlatformRole.PARTICIPANT)),
            new DemoUser("rpa-bot", "开户机器人", "dept-operations", List.of(PlatformRole.BOT)));

    private final OrgDirectory directory;
    private final IdentityProperties properties;

    OrganisationSeeder(OrgDirectory directory, IdentityProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (PlatformRole role : PlatformRole.values()) {
            if (directory.unit(role.groupId()).isEmpty()) {
                directory.createUnit(role.groupId(), ROLE_NAMES.get(role), OrgUnit.Type.ROLE);
            }
        }
        if (properties.demoOrganisation() && directory.member("admin").isEmpty()) {
            seedDemo();
        } else if (properties.adminPassword() != null && !properties.adminPassword().isBlank()
                && directory.member("admin").isEmpty()) {
            if (directory.unit("dept-it").isEmpty()) {
                directory.createUnit("dept-it", "信息技术部", OrgUnit.Type.DEPARTMENT);
            }
            directory.createUser("admin", "系统管理员", null, "dept-it",
                    List.of(PlatformRole.ADMIN.groupId()), properties.adminPassword());
            log.info("Created the first administrator 'admin' from clearflow.identity.admin-password");
        }
    }

    private void seedDemo() {
        for (OrgUnit department : DEMO_DEPARTMENTS) {
            if (directory.unit(department.id()).isEmpty()) {
                directory.createUnit(department.id(), department.name(), department.type());
            }
        }
        for (DemoUser user : DEMO_USERS) {
            if (directory.member(user.id()).isEmpty() && user.roles().contains(PlatformRole.BOT)) {
                directory.createBot(user.id(), user.name(), user.department()); // bots sign in with tokens only
            } else if (directory.member(user.id()).isEmpty()) {
                directory.seedUser(user.id(), user.name(), user.department(),
                        user.roles().stream().map(PlatformRole::groupId).toList(), properties.demoPassword());
            }
        }
        log.info("Seeded the demo organisation: {} departments, {} users",
                DEMO_DEPARTMENTS.size(), DEMO_USERS.size());
    }
}
