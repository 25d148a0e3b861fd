/**
 * Articles: the resource, its service and repository, the one writer of articles (API and import) and the list
 * filters. The package declares the parts of the OpenAPI document the article writes share: the answer of PUT and
 * PATCH, a component response ({@code @APIResponse(ref = ArticleOpenApi.WRITTEN)}). Title and version repeat
 * {@code quarkus.smallrye-openapi.info-*}, which take precedence.
 */
@OpenAPIDefinition(
        info = @Info(title = "newsroom API", version = "1.0.0"),
        components =
                @Components(
                        responses =
                                @APIResponse(
                                        name = ArticleOpenApi.WRITTEN,
                                        description = "The article as written",
                                        headers = {
                                            @Header(
                                                    name = "ETag",
                                                    description = "Strong validator of the new version",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                            @Header(
                                                    name = "Last-Modified",
                                                    description = "When the article last changed (HTTP date)",
                                                    schema = @Schema(type = SchemaType.STRING))
                                        },
                                        content =
                                                @Content(
                                                        mediaType = MediaType.APPLICATION_JSON,
                                                        schema = @Schema(implementation = ArticleResponse.class),
                                                        examples =
                                                                @ExampleObject(
                                                                        name = "article",
                                                                        value = Examples.ARTICLE)))))
package app.newsroom.article;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.common.openapi.Examples;
