package org.is3.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start everything on embedded defaults (the main job); Ctrl-C stops it.")
final class UpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
