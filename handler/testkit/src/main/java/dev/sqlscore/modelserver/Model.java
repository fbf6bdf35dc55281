package dev.sqlscore.modelserver;

/**
 * What answers invocations of one endpoint of the local model server: a model container, as the server sees it.
 * Called from several threads at once. A {@link RuntimeException} it throws is answered like a crashed
 * container: {@code ModelError} with original status 500.
 */
@FunctionalInterface
public interface Model {

    Reply invoke(Invocation invocation);
}
