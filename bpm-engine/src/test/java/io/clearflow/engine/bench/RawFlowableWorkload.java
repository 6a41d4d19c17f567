package io.clearflow.engine.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same process on a bare Flowable engine: no ClearFlow listener, no permission checks, no
 * business table. What is not ClearFlow is kept equal to the platform's set-up: Hikari with its
 * default pool, Spring-managed transactions, history level audit, strong UUIDs (Flowable's Spring
 * Boot default), no job executor, and the same four committing transactions per instance.
 */
final class RawFlowableWorkload implements Workload {

    static final String BPMN = "processes/reference-approval.bpmn20.xml";

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate transaction;

    RawFlowableWorkload(String url, String username, String password) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        Workload.requireConnectedTo(dataSource, url);
        var transactions = new DataSourceTransactionManager(dataSource);
        var configuration = new SpringProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactions);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAsyncExecutorActivate(false);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void runInstance(int n) {
        try {
            Authentication.setAuthenticatedUserId("zhangsan");
            String instance = runtime.startProcessInstanceByKey("referenceApproval", "APR-" + n,
                    Map.of("requestId", (long) n, "department", "dept-registry")).getId();

            Authentication.setAuthenticatedUserId("lisi");
            String review = taskOf(instance);
            tasks.claim(review, "lisi");
            tasks.complete(review, Map.of("approved", true));

            // the platform claims and completes a task taken straight from the inbox in one transaction
            Authentication.setAuthenticatedUserId("hegui");
            String compliance = taskOf(instance);
            transaction.executeWithoutResult(status -> {
                tasks.claim(compliance, "hegui");
                tasks.complete(compliance, Map.of("approved", true));
            });
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }

    private String taskOf(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
