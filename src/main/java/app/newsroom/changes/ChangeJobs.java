package app.newsroom.changes;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.common.NewsroomConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Background work of the change log: scheduled articles appear when due, and the log is compacted. */
@ApplicationScoped
class ChangeJobs {

    private final ChangeService changes;
    private final NewsroomConfig config;

    ChangeJobs(ChangeService changes, NewsroomConfig config) {
        this.changes = changes;
        this.config = config;
    }

    @Scheduled(every = "${newsroom.changes.release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseScheduled() {
        int released = changes.releaseScheduled();
        if (released > 0) {
            Log.infof("Released %d scheduled articles to the change log", released);
        }
    }

    @Scheduled(every = "${newsroom.changes.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = changes.purge(Instant.now().minus(config.changes().retention()));
        if (purged > 0) {
            Log.infof(
                    "Compacted the change log: %d entries older than %s purged",
                    purged, config.changes().retention());
        }
    }
}
