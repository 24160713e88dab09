package org.soleus.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code soleus} root command. Subcommands are listed in the {@code subcommands}
 * attribute below: adding one is adding its class there.
 *
 * <p>Exit codes: 0 success, 1 data or I/O error, 2 usage error; {@code record}, {@code live}
 * and {@code simulate} stopped by Ctrl-C (SIGINT) or SIGTERM end cleanly and exit with 130 or
 * 143 ({@link StopSignals}). Errors are one line on stderr ({@code soleus: <message>});
 * {@code --debug} adds the stack trace.
 */
@Command(name = "soleus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gait-sensor biomechanics: gait events, strides and loading from insoles and IMUs.",
        subcommands = {
                AnalyzeCommand.class,
                PortsCommand.class,
                RecordCommand.class,
                SimulateCommand.class,
                LiveCommand.class,
                CalibrateCommand.class,
        })
public final class SoleusCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Declared here and inherited by every subcommand; {@link ErrorHandler} looks for it in the parse result. */
    @Option(names = ErrorHandler.DEBUG, scope = ScopeType.INHERIT,
            description = "On error, print the stack trace after the one-line message.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (analyze, ports, record, simulate, live, calibrate)");
    }

    /**
     * The command line with the project's error handling, ready to {@link CommandLine#execute}.
     * Callers may redirect its output with {@link CommandLine#setOut}/{@link CommandLine#setErr}.
     */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new SoleusCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
