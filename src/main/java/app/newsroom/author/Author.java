package app.newsroom.author;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/** An author credited on articles: a name, a plain-text bio, an image and a few links. */
@Entity
@Table(name = "author")
public class Author {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String bio;

    /** The image as written ({@link app.newsroom.image.Images#stored}), as JSON; none for none. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "image", columnDefinition = "jsonb")
    public String image;

    /** The links as a JSON array of {label, url}; none for none. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "links", columnDefinition = "jsonb")
    public String links;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
