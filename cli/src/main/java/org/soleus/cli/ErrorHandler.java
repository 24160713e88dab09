package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, {@code soleus: <message>}, and an exit code:
 * 2 for usage errors (bad options or arguments), 1 for everything else (unreadable or
 * malformed input, analysis impossible, output not writable). With {@code --debug} the
 * stack trace follows the line.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String DEBUG = "--debug";
    /** Longest message shown; a file's content quoted in a message can be arbitrarily long. */
    private static final int MAX_MESSAGE_CHARS = 1000;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("soleus: " + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        if (contains(args, DEBUG)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
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

    /** One line saying what went wrong, naming the file where one is involved. */
    static String describe(Throwable ex, boolean debug) {
        if (ex instanceof UncheckedIOException e) {
            return describe(e.getCause(), debug);
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof NotDirectoryException || ex instanceof FileAlreadyExistsException) {
            return ((FileSystemException) ex).getFile() + ": exists and is not a directory";
        }
        if (ex instanceof FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + oneLine(e.getReason());
        }
        boolean expected = ex instanceof IOException || ex instanceof IllegalArgumentException;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
        if (expected) {
            return message;
        }
        return "internal error: " + ex.getClass().getName() + ": " + message
                + (debug ? "" : " (run with --debug for the stack trace)");
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
     * {@code \xNN}, and text beyond {@value #MAX_MESSAGE_CHARS} characters is cut.
     */
    static String oneLine(String message) {
        String flat = message.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder out = new StringBuilder(Math.min(flat.length(), MAX_MESSAGE_CHARS) + 8);
        for (int i = 0; i < flat.length() && out.length() < MAX_MESSAGE_CHARS; i++) {
            char ch = flat.charAt(i);
            if (ch < 0x20 && ch != '\t' || ch >= 0x7F && ch < 0xA0) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        if (out.length() >= MAX_MESSAGE_CHARS && flat.length() > MAX_MESSAGE_CHARS) {
            out.setLength(MAX_MESSAGE_CHARS);
            out.append(" …");
        }
        return out.toString();
    }
}
