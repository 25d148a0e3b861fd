package app.newsroom.common.http;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import app.newsroom.common.NewsroomConfig;

/** {@code page} and {@code pageSize} of a paged list, as one {@code @BeanParam}; bounds in {@link QueryLimit}. */
public class PagingParams {

    @Parameter(ref = QueryLimit.Refs.PAGE, name = "page", in = ParameterIn.QUERY)
    @QueryParam("page")
    String page;

    @Parameter(ref = QueryLimit.Refs.PAGE_SIZE, name = "pageSize", in = ParameterIn.QUERY)
    @QueryParam("pageSize")
    String pageSize;

    /** The validated page; every bad value is a 400 naming its parameter. */
    public PageRequest request(NewsroomConfig config) {
        return PageRequest.of(
                QueryLimit.PAGE.parse(page, config), QueryLimit.PAGE_SIZE.parse(pageSize, config), config.paging());
    }
}
