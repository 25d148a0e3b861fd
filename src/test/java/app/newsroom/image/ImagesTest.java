package app.newsroom.image;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.newsroom.common.Html;
import app.newsroom.common.error.ProblemException;
import app.newsroom.image.ImageDtos.FocalPoint;
import app.newsroom.image.ImageDtos.Image;
import app.newsroom.image.ImageDtos.ImageRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest {

    private static final ImageRequest PHOTO = new ImageRequest(
            "https://images.example.com/2025/10/talks.jpg?v=2",
            1000,
            600,
            "Two delegations at a table",
            "The talks",
            "Pool",
            new FocalPoint(0.25, 0.4));

    @Test
    void shouldListOnlyTheOriginalWithoutATemplate() {
        Image image = new Images(Optional.empty(), List.of(320, 640)).served(PHOTO);
        assertEquals(1, image.renditions().size());
        assertEquals(PHOTO.url(), image.renditions().get(0).url());
        assertEquals(PHOTO.url() + " 1000w", image.srcset());
    }

    @Test
    void shouldRenderTheConfiguredWidthsNarrowerThanTheOriginalAndTheOriginal() {
        Images images = new Images(
                Optional.of("https://img.example.com/{path}&w={width}&h={height}&fx={fx}&fy={fy}"),
                List.of(1280, 320, 640));
        Image image = images.served(PHOTO);
        assertEquals(
                List.of(320, 640, 1000),
                image.renditions().stream().map(r -> r.width()).toList());
        assertEquals(
                List.of(192, 384, 600),
                image.renditions().stream().map(r -> r.height()).toList());
        assertEquals(
                "https://img.example.com/2025/10/talks.jpg?v=2&w=320&h=192&fx=0.25&fy=0.4",
                image.renditions().get(0).url());
        assertEquals(
                "https://img.example.com/2025/10/talks.jpg?v=2&w=320&h=192&fx=0.25&fy=0.4 320w, "
                        + "https://img.example.com/2025/10/talks.jpg?v=2&w=640&h=384&fx=0.25&fy=0.4 640w, "
                        + "https://img.example.com/2025/10/talks.jpg?v=2&w=1000&h=600&fx=0.25&fy=0.4 1000w",
                image.srcset());
    }

    @Test
    void shouldEncodeTheWholeUrlAndCentreWithoutAFocalPoint() {
        Images images = new Images(Optional.of("https://thumbor.example.com/unsafe/{width}x0/{url}"), List.of(500));
        Image image = images.served(new ImageRequest("https://a.example/x.png?v=1", 800, 400, "alt", null, null, null));
        assertEquals(
                "https://thumbor.example.com/unsafe/500x0/https%3A%2F%2Fa.example%2Fx.png%3Fv%3D1",
                image.renditions().get(0).url());
        assertNull(image.focalPoint());
    }

    @Test
    void shouldRefuseATemplateThatCannotMakeAUrl() {
        assertThrows(IllegalStateException.class, () -> new Images(Optional.of("img/{path}?w={width}"), List.of()));
        assertThrows(
                IllegalStateException.class,
                () -> new Images(Optional.of("https://img.example.com/{path}"), List.of()));
        assertThrows(IllegalStateException.class, () -> new Images(Optional.empty(), List.of(0)));
    }

    @Test
    void shouldNameTheFieldOfABadUrlOrMarkup() {
        ProblemException url = assertThrows(
                ProblemException.class,
                () -> Images.check(
                        new ImageRequest("ftp://example.org/a.jpg", 10, 10, "alt", null, null, null), "mainImage"));
        assertEquals("mainImage.url", url.errors().get(0).field());
        ProblemException caption = assertThrows(
                ProblemException.class,
                () -> Images.check(
                        new ImageRequest("https://example.org/a.jpg", 10, 10, "alt", "<b>x</b>", null, null), "image"));
        assertEquals("image.caption", caption.errors().get(0).field());
        assertTrue(Html.isMarkup("a <script>"));
        assertFalse(Html.isMarkup("3 < 4 and AT&T"));
    }

    @Test
    void shouldStoreWhatWasWrittenTrimmedAndReadItBack() {
        String stored = Images.stored(new ImageRequest(" https://e.org/a.jpg ", 10, 20, " alt ", " ", "Pool ", null));
        ImageRequest back = Images.written(stored);
        assertEquals(new ImageRequest("https://e.org/a.jpg", 10, 20, "alt", null, "Pool", null), back);
        assertNull(Images.stored(null));
        assertNull(Images.written(null));
    }
}
