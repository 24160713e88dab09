package org.soleus.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code soleus} root command. Its commands are listed in {@link #COMMANDS}: adding one is
 * adding its class there.
 *
 * <p>Exit codes: 0 success, 1 data or I/O error, 2 usage error; {@code record}, {@code live}
 * and {@code simulate} stopped by Ctrl-C (SIGINT) or SIGTERM end cleanly and exit with 130 or
 * 143 ({@link StopSignals}). Errors are one line on stderr ({@code soleus: <message>});
 * {@code --debug} adds the stack trace.
 */
@Command(name = "soleus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gait-sensor biomechanics: gait events, strides and loading from insoles and IMUs.")
public final class SoleusCommand implements Runnable {
    /** The commands, in the order that {@code --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(AnalyzeCommand.class, PortsCommand.class,
            RecordCommand.class, SimulateCommand.class, LiveCommand.class, CalibrateCommand.class);

    @Spec
    CommandSpec spec;

    /** Declared here and inherited by every subcommand; {@link ErrorHandler} looks for it in the parse result. */
    @Option(names = ErrorHandler.DEBUG, scope = ScopeType.INHERIT,
            description = "On error, print the stack trace after the one-line message.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command (" + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    /**
     * The command line for {@code args} with the project's error handling, ready to
     * {@link CommandLine#execute}: when {@code args} begin with a command's name, it holds that
     * command alone, else all of them. Making a command line reflects over the options of every
     * command in it, which for the five others added about 0.07 s to the start of every run.
     * Callers may redirect its output with {@link CommandLine#setOut}/{@link CommandLine#setErr}.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(command));
                }
            }
        }
        return commandLine(COMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine line = new CommandLine(new SoleusCommand());
        for (Class<?> command : commands) {
            line.addSubcommand(command);
        }
        ErrorHandler errors = new ErrorHandler();
        return line.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    /**
     * What a thread that fails outside any task's result says: nothing of a heap that ran out,
     * which the thread waiting for the task tells in its one line (saying it here as well would
     * need the heap that is not there; a serial port's reader, which no one waits for, records
     * it as the stream's fault); the stack trace of anything else.
     */
    private static void uncaught(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(System.err);
    }

    /**
     * Runs the command and exits with its exit code; a heap that runs out outside an input's
     * analysis (which tells it naming the input) is one line too, exit code 1.
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(SoleusCommand::uncaught);
        int exitCode;
        try {
            exitCode = commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("soleus: " + ErrorHandler.outOfMemory());
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
