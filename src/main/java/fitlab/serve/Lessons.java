package fitlab.serve;

import fitlab.UserError;
import fitlab.config.ExperimentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The experiment files the page offers: every {@code *.yaml} directly in the experiments folder, read once at start
 * (a file that does not load is left out, with a notice). A lesson is looked up by id only, never by a path from a request.
 */
final class Lessons {
    private final Map<String, Lesson> byId = new LinkedHashMap<>();

    private Lessons() {}

    static Lessons scan(Path folder, java.util.function.Consumer<String> notices) {
        Lessons lessons = new Lessons();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9_.-]*\\.ya?ml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UserError("--experiments " + folder + ": cannot list the folder: " + e.getMessage());
        }
        for (Path f : files) {
            String id = f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                lessons.byId.put(id, Lesson.of(id, f.toAbsolutePath(), ExperimentLoader.load(f, List.of(), false),
                        ExperimentLoader.load(f, List.of(), true)));
            } catch (UserError e) {
                notices.accept("left out " + f + ": " + e.getMessage());
            }
        }
        if (lessons.byId.isEmpty()) {
            throw new UserError("--experiments " + folder + ": no experiment YAML file that loads");
        }
        return lessons;
    }

    List<Lesson> all() {
        return List.copyOf(byId.values());
    }

    Optional<Lesson> get(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }
}
