package app.newsroom.common.openapi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.http.QueryLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Writes the numeric query parameters ({@link QueryLimit}) into {@code components/parameters}, with the bounds and
 * defaults the running service enforces. It runs at build time (for the exported {@code target/openapi} document) and
 * again at start-up, so a deployment that configures other limits ({@code newsroom.paging.max-page-size}, ...)
 * documents its own.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class OpenApiLimits implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        NewsroomConfig config = config();
        for (QueryLimit limit : QueryLimit.values()) {
            openAPI.getComponents().addParameter(limit.ref(), parameter(limit, config));
        }
    }

    static Parameter parameter(QueryLimit limit, NewsroomConfig config) {
        int max = limit.max(config);
        Schema schema = OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .minimum(BigDecimal.valueOf(limit.min()))
                .defaultValue(limit.defaultValue(config));
        String description = limit.description();
        if (max != Integer.MAX_VALUE) {
            schema.maximum(BigDecimal.valueOf(max));
            description += " (" + limit.min() + "–" + max + ", default " + limit.defaultValue(config) + ")";
        } else if (limit == QueryLimit.PAGE) {
            description += "; `page × pageSize` at most " + config.paging().maxDepth()
                    + " (GET /api/v1/changes exports everything)";
        }
        return OASFactory.createParameter()
                .name(limit.parameter())
                .in(Parameter.In.QUERY)
                .description(description)
                .schema(schema);
    }

    /**
     * The service's configuration. At start-up it is the mapping the application uses; at build time, when Quarkus has
     * not registered application mappings yet, the same mapping is read from the build's configuration sources.
     */
    private static NewsroomConfig config() {
        SmallRyeConfig current = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        try {
            return current.getConfigMapping(NewsroomConfig.class);
        } catch (NoSuchElementException notRegistered) {
            List<ConfigSource> sources = new ArrayList<>();
            current.getConfigSources().forEach(sources::add);
            return new SmallRyeConfigBuilder()
                    .withSources(sources)
                    .withConverter(
                            Duration.class,
                            200,
                            current.getConverter(Duration.class).orElseThrow())
                    .withConverter(
                            MemorySize.class,
                            200,
                            current.getConverter(MemorySize.class).orElseThrow())
                    .withMapping(NewsroomConfig.class)
                    .withValidateUnknown(false)
                    .build()
                    .getConfigMapping(NewsroomConfig.class);
        }
    }
}
