package app.newsroom.common.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The paging envelope of every list: {@code { "items": [...], "page": {...} }}. */
public record Page<T>(List<T> items, PageInfo page) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        long totalPages = totalItems == 0 ? 0 : (totalItems + request.size() - 1) / request.size();
        return new Page<>(items, new PageInfo(request.number(), request.size(), totalItems, totalPages));
    }

    @Schema(name = "PageInfo", description = "Where this page sits in the whole list")
    public record PageInfo(
            @Schema(description = "1-based page number", example = "1")
            int number,

            @Schema(description = "Page size", example = "20")
            int size,

            @Schema(description = "Items in the whole list", example = "137")
            long totalItems,

            @Schema(description = "Pages in the whole list", example = "7")
            long totalPages) {}
}
