package io.clearflow.engine.work;

/**
 * A process whose module keeps its own business state beside the engine's (a demand's 需求评估, …)
 * and therefore owns every operation on its steps. The generic task operations (complete, send back
 * 打回, withdraw 回收) would move the process without the state; for such a process they are
 * neither offered on the task and case pages nor accepted over REST, and its module's page does the
 * work. Modules declare one bean per process key.
 *
 * @param processKey the process definition key
 */
public record ModuleOwnedProcess(String processKey) { }
