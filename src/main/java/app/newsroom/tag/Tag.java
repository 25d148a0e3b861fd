package app.newsroom.tag;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tag: a topic, person, place, organization or event that articles are about. */
@Entity
@Table(name = "tag")
public class Tag {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 20)
    public TagType type;

    @Column(length = 2000)
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
