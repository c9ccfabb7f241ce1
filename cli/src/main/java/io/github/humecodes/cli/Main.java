package io.github.humecodes.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code humecodes} command line: {@code explain}, {@code scan} and {@code catalog}.
 *
 * <p>Exit codes: 0 success, 1 a file or catalog that cannot be used (or nothing to explain), 2 a usage error.
 */
public final class Main {
    static final String USAGE = String.join(
            "\n",
            "usage: humecodes <command> [options]",
            "",
            "  explain TEXT|CODE...",
            "      Explain each Hume code found in the text (or the code itself, e.g. E0300 or 1011).",
            "  scan [--jsonl] [--summary] [--catalog FILE] [--max-scan-chars N] [FILE...]",
            "      Annotate the log lines that carry a code; stdin when no FILE (or FILE is -).",
            "      --jsonl    one JSON object per line with a detection: line, codes, code, category,",
            "                 severity, description, retryable (and file, with several files)",
            "      --summary  counts by category and by code at the end (to stderr with --jsonl)",
            "  catalog [--format json|markdown] [--catalog FILE]",
            "      Print the effective catalog.",
            "",
            "  --catalog FILE   a JSON file in the catalog's schema, merged over the built-in catalog",
            "");

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command; returns the exit code. Never throws for user errors. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "explain":
                    return ExplainCommand.run(rest, out, err);
                case "scan":
                    return ScanCommand.run(Options.parse(rest, ScanCommand.FLAGS, ScanCommand.VALUED), in, out, err);
                case "catalog":
                    return CatalogCommand.run(Options.parse(rest, CatalogCommand.FLAGS, CatalogCommand.VALUED), out);
                case "help":
                case "--help":
                case "-h":
                    out.print(USAGE);
                    return 0;
                default:
                    err.println("humecodes: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("humecodes " + args[0] + ": " + e.getMessage());
            err.println("run 'humecodes --help' for usage");
            return 2;
        } catch (CommandException e) {
            err.println("humecodes " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    /** A command line that does not make sense. Exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A file or catalog that cannot be used. Exit code 1. */
    static final class CommandException extends Exception {
        private static final long serialVersionUID = 1L;

        CommandException(String message) {
            super(message);
        }
    }
}
