/**
 * The embedded runner (executor kind {@code embedded}): an environment's deployment steps run as local commands
 * in a fresh working folder per deployment under {@code clearflow.data-dir} (by default
 * {@code <data-dir>/delivery/runner/deployment-<id>-<random>/}), output in {@code deployment.log} there.
 *
 * <h2>Steps</h2>
 * The {@code steps} setting holds one command a line; blank lines and {@code #} comments are skipped. A line is
 * split into arguments like a shell would ({@code '…'}, {@code "…"}, {@code \}) but runs <em>without</em> a
 * shell ({@link java.lang.ProcessBuilder}); placeholders are replaced inside each argument after the split, so
 * a value is always exactly one argument and never shell text:
 * {@code {artifact}} (the verified file in the artifact store), {@code {sha256}}, {@code {name}} (the artifact's
 * file name), {@code {system}}, {@code {environment}}, {@code {version}}, {@code {change}}, {@code {target}}
 * (the {@code target} setting; relative = under the data folder; default
 * {@code delivery/deployed/<system>/<environment>}), {@code {deployment}}. The same values are in the
 * environment as {@code CF_ARTIFACT}, {@code CF_SHA256}, {@code CF_NAME}, … for scripts: write
 * {@code sh -c 'cp "$CF_ARTIFACT" /opt/app/' } — a placeholder inside an interpreter's program text
 * ({@code sh -c}, {@code bash -c}, {@code python -c}, …) is refused. A step's process gets only
 * {@code PATH}, {@code HOME}, {@code LANG}, {@code TZ}, {@code TMPDIR} of the platform's environment.
 *
 * <p>Two built-in steps need no outside command (and so also work on Windows): {@code @copy <from> <to>}
 * (creates the folder, copies beside the target and moves it into place) and {@code @sha256 <file> <hex>}
 * (fails unless the file's digest is the given one). Relative paths are relative to the working folder.
 *
 * <p>The default steps, for seeded environments ({@link io.clearflow.delivery.execution.runner.DefaultSteps#TEXT},
 * used when {@code steps} is absent), exactly:
 * <pre>
 * &#64;copy {artifact} {target}/{name}
 * &#64;sha256 {target}/{name} {sha256}
 * </pre>
 *
 * <h2>Checks and limits</h2>
 * Before any step the artifact file's SHA-256 is compared with the order's, and the artifact name must be a
 * plain file name (no {@code /}, {@code \}, control characters, leading {@code -}, {@code .} or {@code ..});
 * otherwise the deployment fails and nothing runs. {@code timeout} (ISO-8601, default
 * {@code clearflow.delivery.runner.timeout} = PT10M) bounds the whole deployment, {@code step-timeout} each
 * step; at the limit the step's whole process tree is killed and the deployment fails with
 * "step N timed out after …". A failing step fails it with "step N exited with code X".
 * The log's last line is the outcome ({@code [clearflow] succeeded} or {@code [clearflow] failed: <reason>}).
 */
package io.clearflow.delivery.execution.runner;
