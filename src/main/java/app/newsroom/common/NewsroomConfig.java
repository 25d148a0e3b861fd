package app.newsroom.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed application configuration ({@code newsroom.*}). */
@ConfigMapping(prefix = "newsroom")
public interface NewsroomConfig {

    Paging paging();

    DevDb devDb();

    interface Paging {
        /** Page size when the client gives none. */
        @WithDefault("20")
        int defaultPageSize();

        /** Largest page size a client may ask for. */
        @WithDefault("100")
        int maxPageSize();

        /** Deepest row a paged list may reach ({@code page * pageSize}); deeper exports use /changes. */
        @WithDefault("10000")
        int maxDepth();
    }

    interface DevDb {
        /** Folder for the embedded PostgreSQL's data in dev mode (relative to the working directory). */
        @WithDefault(".dev-db")
        String directory();
    }
}
