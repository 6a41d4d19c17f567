package io.clearflow.engine.bench;

import io.clearflow.engine.bench.Breakdown.Part;
import io.clearflow.engine.eventlog.EventLogWriter;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import org.aopalliance.intercept.MethodInterceptor;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts a stopwatch around the beans on the platform's path, each charging its part of
 * {@link Breakdown}. It runs after Spring's own proxies are made, so a transactional service's
 * stopwatch sits outside its transaction and the commit inside it is charged to the transaction
 * manager's part, not to the service.
 *
 * <p>Engine queries built by a service ({@code createTaskQuery()...list()}) run outside the engine
 * service's methods, so they count for the service that asks them: the inbox and the visibility
 * checks are the platform's, not the engine's.
 */
final class BreakdownProbe implements BeanPostProcessor, Ordered {

    private static final String METRICS = "io.clearflow.engine.metrics.ProcessMetrics";

    private final Breakdown breakdown;

    BreakdownProbe(Breakdown breakdown) {
        this.breakdown = breakdown;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JdbcTemplate) {
            // the event-log rows go through the shared JdbcTemplate, recognisable by their statement
            return proxy(bean, true, invocation -> {
                Object[] args = invocation.getArguments();
                boolean eventLog = args.length > 0 && args[0] instanceof String sql && sql.contains("cf_event_log");
                return eventLog ? breakdown.in(Part.EVENT_LOG, invocation::proceed) : invocation.proceed();
            });
        }
        Part part = partOf(bean);
        if (part == null) {
            return bean;
        }
        String type = bean.getClass().getSimpleName().replaceAll("\\$\\$.*", "");
        MethodInterceptor stopwatch = invocation -> {
            Object result = breakdown.operation(type + "." + invocation.getMethod().getName(), part, invocation::proceed);
            // a case started through a builder runs in the engine, though outside the service's methods
            return result instanceof ProcessInstanceBuilder builder ? timedStart(builder) : result;
        };
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, stopwatch); // outermost: around the transaction interceptor
            return bean;
        }
        // the transaction manager's commit is final: only an interface proxy can wrap it
        boolean byClass = !(bean instanceof PlatformTransactionManager) && part != Part.ENGINE;
        return proxy(bean, byClass, stopwatch);
    }

    /** The builder, with its {@code start()} charged to the engine; its setters return this proxy for chaining. */
    private ProcessInstanceBuilder timedStart(ProcessInstanceBuilder builder) {
        return (ProcessInstanceBuilder) java.lang.reflect.Proxy.newProxyInstance(ProcessInstanceBuilder.class.getClassLoader(),
                new Class<?>[] {ProcessInstanceBuilder.class}, (proxy, method, args) -> {
                    Breakdown.Call call = () -> {
                        try {
                            return method.invoke(builder, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    };
                    Object result = method.getName().startsWith("start")
                            ? breakdown.operation("ProcessInstanceBuilder." + method.getName(), Part.ENGINE, call)
                            : call.call();
                    return result == builder ? proxy : result;
                });
    }

    private static Part partOf(Object bean) {
        if (bean instanceof ApprovalService) {
            return Part.BUSINESS;
        }
        if (bean instanceof WorkService) {
            return Part.ACCESS;
        }
        if (bean instanceof TaskService || bean instanceof RuntimeService || bean instanceof RepositoryService
                || bean instanceof HistoryService) {
            return Part.ENGINE;
        }
        if (bean instanceof PlatformTransactionManager) {
            return Part.COMMIT;
        }
        if (bean instanceof EventLogWriter) {
            return Part.EVENT_LOG;
        }
        if (bean.getClass().getName().equals(METRICS)) {
            return Part.METRICS;
        }
        return null;
    }

    private static Object proxy(Object bean, boolean byClass, MethodInterceptor interceptor) {
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(byClass);
        factory.addAdvice(interceptor);
        return factory.getProxy(bean.getClass().getClassLoader());
    }
}
