package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.soleus.core.analysis.UnknownBodyMassException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr, {@code soleus: <message>}, and an exit code:
 * 2 for usage errors (bad options or arguments), 1 for everything else (unreadable or
 * malformed input, analysis impossible, output not writable). With {@code --debug} the
 * stack trace follows the line.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String DEBUG = "--debug";
    /** picocli's message for an option value its converter refused: the option, then the converter's words. */
    private static final Pattern INVALID_OPTION_VALUE = Pattern.compile("Invalid value for option '([^']+)': (.*)",
            Pattern.DOTALL);
    /** What a message about an unknown body mass ends with. */
    private static final String MASS_HINT = "; give it with --mass KG";
    /** Longest message shown; a file's content quoted in a message can be arbitrarily long. */
    private static final int MAX_MESSAGE_CHARS = 1000;
    /** What a message cut to {@link #MAX_MESSAGE_CHARS} keeps of its start. */
    private static final int MESSAGE_HEAD_CHARS = 600;
    /** What a message cut to {@link #MAX_MESSAGE_CHARS} keeps of its end. */
    private static final int MESSAGE_TAIL_CHARS = 350;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("soleus: " + oneLine(usageProblem(ex, args)) + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        if (contains(args, DEBUG)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * What is wrong with the command line, in the project's words where picocli's own would be
     * cryptic: {@code --rate: expected ...} for picocli's {@code Invalid value for option
     * '--rate': expected ...}, and {@code unknown command 'foo'} with the commands for a word
     * that a command without arguments of its own, only subcommands, does not know; an unknown
     * option or command close to a known one adds {@code did you mean ...?}. A file whose
     * name starts with {@code -} reads as an option: it is named, with how to give it, also where
     * picocli, finding no input beside it, says only that the input is missing.
     */
    private static String usageProblem(ParameterException ex, String[] args) {
        String message = String.valueOf(ex.getMessage());
        String dashed = dashedFile(ex, args);
        if (dashed != null) {
            return "Unknown option: '" + dashed + "'; to give the file " + dashed + ", write ./" + dashed;
        }
        if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption()) {
            CommandLine cmd = ex.getCommandLine();
            List<String> unmatched = u.getUnmatched();
            if (!cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty()
                    && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                return "unknown command '" + unmatched.get(0) + "'; commands: "
                        + String.join(", ", cmd.getSubcommands().keySet()) + didYouMean(u);
            }
        }
        if (ex instanceof UnmatchedArgumentException u && u.isUnknownOption()) {
            return message + didYouMean(u);
        }
        Matcher invalid = INVALID_OPTION_VALUE.matcher(message);
        return invalid.matches() ? invalid.group(1) + ": " + invalid.group(2) : message;
    }

    /**
     * {@code ; did you mean --mass?}: the command's options (or, for an unknown command, its
     * commands) that lie close to the word given, case ignored (Levenshtein distance up to a third
     * of its length, at least 1: a slip, a letter left out, {@code --mass-kg} for {@code --mass}),
     * nearest first, at most two; empty without any. Picocli's own suggestions go further
     * ({@code --foo}: {@code --format}) and miss a change of case.
     */
    private static String didYouMean(UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (unmatched.isEmpty()) {
            return "";
        }
        String given = unmatched.get(0).split("=", 2)[0].toLowerCase(Locale.ROOT);
        CommandLine cmd = ex.getCommandLine();
        Collection<String> names = ex.isUnknownOption() ? cmd.getCommandSpec().optionsMap().keySet()
                : cmd.getSubcommands().keySet();
        LevenshteinDistance typo = new LevenshteinDistance(Math.max(1, given.length() / 3));
        List<String> close = names.stream().filter(n -> typo.apply(given, n) >= 0)
                .sorted(Comparator.comparingInt((String n) -> typo.apply(given, n)).thenComparing(n -> n))
                .limit(2).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    /**
     * The first argument that names an existing file whose name starts with {@code -} and that
     * no option of the command takes, when picocli refused it as an unknown option or, finding
     * no input beside it, said only that an input is missing; else null.
     */
    private static String dashedFile(ParameterException ex, String[] args) {
        boolean unknownOption = ex instanceof UnmatchedArgumentException u && u.isUnknownOption();
        if (!unknownOption && !(ex instanceof MissingParameterException)) {
            return null;
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        for (String arg : args) {
            if (arg.length() > 1 && arg.startsWith("-") && !arg.startsWith("--") && spec.findOption(arg) == null
                    && Files.isRegularFile(Path.of(arg))) {
                return arg;
            }
        }
        return null;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debugRequested(parseResult);
        err.println("soleus: " + describe(ex, debug));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * One line saying what went wrong, naming the file where one is involved. An unknown body
     * mass ({@link UnknownBodyMassException}, also as the cause of another failure) adds how to
     * give it: every command that analyses force takes {@code --mass}.
     */
    static String describe(Throwable ex, boolean debug) {
        if (ex instanceof UncheckedIOException e) {
            return describe(e.getCause(), debug);
        }
        if (ex instanceof NotedFailure n) {
            return describe(n.getCause(), debug) + n.note();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return ex instanceof OutOfMemoryError ? outOfMemory() : oneLine(ex.getMessage());
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnknownBodyMassException) {
                return oneLine(ex.getMessage() != null ? ex.getMessage() : t.getMessage()) + MASS_HINT;
            }
        }
        if (ex instanceof FileSystemException e && (e.getReason() != null || isSpecific(e))) {
            return e.getFile() + ": " + reason(e);
        }
        boolean expected = ex instanceof IOException || ex instanceof IllegalArgumentException;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
        if (expected) {
            return message;
        }
        return "internal error: " + ex.getClass().getName() + ": " + message
                + (debug ? "" : " (run with --debug for the stack trace)");
    }

    /**
     * Heap kept aside from start-up and let go when the heap has run out, so that telling it
     * ({@link #outOfMemory}) does not run out too.
     */
    private static byte[] heapReserve = new byte[1 << 20];

    /**
     * That the Java heap ran out, how large it may grow and how to let it grow more: the
     * launcher's {@code SOLEUS_JAVA_OPTS}. Lets go of the heap kept aside for saying so.
     */
    static String outOfMemory() {
        heapReserve = null;
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory: this needs more than the " + maxMb + " MB the Java heap may use; give it more"
                + " with SOLEUS_JAVA_OPTS=-Xmx<size> for ./soleus (e.g. SOLEUS_JAVA_OPTS=-Xmx8g), or java -Xmx<size>";
    }

    /**
     * Why an I/O operation failed, in a few words and without the file, which the exception's
     * own message may be nothing but (e.g. a {@link NoSuchFileException}'s).
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return oneLine(f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    /** Whether {@link #reason} knows {@code e}'s kind, whose message is only the file. */
    private static boolean isSpecific(FileSystemException e) {
        return e instanceof NoSuchFileException || e instanceof AccessDeniedException
                || e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException;
    }

    /** Whether {@code --debug} was given anywhere on the command line. */
    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] args, String flag) {
        for (String a : args) {
            if (a.equals(flag)) {
                return true;
            }
            if (a.equals("--")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The message on one line, safe for a terminal: line breaks become spaces, other control
     * characters (a file's bytes quoted in a message may hold escape sequences) become
     * {@code \xNN}, and a message longer than {@value #MAX_MESSAGE_CHARS} characters loses its
     * middle: a long quotation (a header row of a hundred columns), not the start, which names
     * the file, nor the end, which says what to do.
     */
    static String oneLine(String message) {
        String flat = message.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char ch = flat.charAt(i);
            if (ch < 0x20 && ch != '\t' || ch >= 0x7F && ch < 0xA0) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        if (out.length() <= MAX_MESSAGE_CHARS) {
            return out.toString();
        }
        // not between the two halves of a character beyond the Basic Multilingual Plane
        int head = Character.isHighSurrogate(out.charAt(MESSAGE_HEAD_CHARS - 1)) ? MESSAGE_HEAD_CHARS - 1
                : MESSAGE_HEAD_CHARS;
        int tail = out.length() - MESSAGE_TAIL_CHARS;
        tail += Character.isLowSurrogate(out.charAt(tail)) ? 1 : 0;
        return out.substring(0, head) + " … " + out.substring(tail);
    }
}
