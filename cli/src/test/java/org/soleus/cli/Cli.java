package org.soleus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code soleus} command in-process with captured stdout and stderr. */
final class Cli {

    /** Exit code and captured output of one run. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SoleusCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
