package fitlab.cli;

import java.util.List;

/** The command line as a user would type it again, for {@code command.txt}. */
final class CommandText {
    private CommandText() {}

    static String of(String command, List<String> args) {
        StringBuilder sb = new StringBuilder("fitlab");
        for (String a : args) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./=:,+@-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
