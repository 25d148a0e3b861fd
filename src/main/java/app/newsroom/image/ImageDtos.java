package app.newsroom.image;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Images as clients write them and as newsroom serves them. newsroom keeps an image's metadata (where it is, its size,
 * the words that go with it); the bytes stay on an image server or CDN, which renders the widths a page asks for.
 */
public final class ImageDtos {

    /** Largest width or height accepted, in pixels. */
    public static final int MAX_SIDE = 20_000;

    private ImageDtos() {}

    @Schema(
            name = "ImageRequest",
            description = "An image as written: where the original is, its size in pixels, and its words. Caption "
                    + "and credit are plain text (no HTML).",
            example = """
                    {"url": "https://images.example.com/2025/10/kremlin-talks.jpg", "width": 2400, "height": 1600,
                     "alt": "Two delegations facing each other across a long table",
                     "caption": "The delegations met in the Kremlin.", "credit": "Pool photo / Reuters",
                     "focalPoint": {"x": 0.5, "y": 0.4}}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"renditions", "srcset"}) // what a client read may be sent back as it is
    public record ImageRequest(
            @Schema(
                    description = "Absolute http or https URL of the original",
                    required = true,
                    maxLength = 2000,
                    example = "https://images.example.com/2025/10/kremlin-talks.jpg")
            @NotBlank
            @Size(max = 2000)
            String url,

            @Schema(description = "Width of the original in pixels", required = true, minimum = "1", maximum = "20000")
            @NotNull
            @Min(1)
            @Max(MAX_SIDE)
            Integer width,

            @Schema(description = "Height of the original in pixels", required = true, minimum = "1", maximum = "20000")
            @NotNull
            @Min(1)
            @Max(MAX_SIDE)
            Integer height,

            @Schema(
                    description = "Text alternative for readers who cannot see the image",
                    required = true,
                    minLength = 1,
                    maxLength = 1000)
            @NotBlank
            @Size(max = 1000)
            String alt,

            @Schema(description = "Caption, plain text", maxLength = 1000, nullable = true) @Size(max = 1000)
            String caption,

            @Schema(description = "Credit (photographer, agency), plain text", maxLength = 300, nullable = true)
            @Size(max = 300)
            String credit,

            @Schema(description = "The point crops keep in view; absent: the centre", nullable = true) @Valid
            FocalPoint focalPoint) {}

    @Schema(
            name = "FocalPoint",
            description = "A point of the image, as fractions of its width and height from the top left")
    public record FocalPoint(
            @Schema(
                    description = "0 (left) to 1 (right)",
                    required = true,
                    minimum = "0",
                    maximum = "1",
                    example = "0.5")
            @NotNull
            @DecimalMin("0")
            @DecimalMax("1")
            Double x,

            @Schema(
                    description = "0 (top) to 1 (bottom)",
                    required = true,
                    minimum = "0",
                    maximum = "1",
                    example = "0.4")
            @NotNull
            @DecimalMin("0")
            @DecimalMax("1")
            Double y) {}

    @Schema(
            name = "Image",
            description = "An image with its renditions: the widths the image server renders (configured with "
                    + "newsroom.images.rendition-template and newsroom.images.widths, never wider than the original), "
                    + "or only the original when no image server is configured; srcset is ready for an <img> tag.")
    public record Image(
            String url,
            int width,
            int height,
            String alt,
            @Schema(nullable = true) String caption,
            @Schema(nullable = true) String credit,
            @Schema(nullable = true) FocalPoint focalPoint,
            @Schema(description = "Narrowest first") List<Rendition> renditions,

            @Schema(
                    description = "The renditions as an HTML srcset",
                    example = "https://img.example.com/2025/10/kremlin-talks.jpg?w=640 640w, "
                            + "https://img.example.com/2025/10/kremlin-talks.jpg?w=1280 1280w")
            String srcset) {}

    @Schema(name = "ImageRendition", description = "One rendition of an image")
    public record Rendition(int width, int height, String url) {}
}
