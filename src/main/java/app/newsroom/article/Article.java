package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import app.newsroom.tag.Tag;

/** A news article. Its related links live in {@link RelatedLink}; its tags in the article_tag join table. */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 300)
    public String headline;

    @Column(length = 1000)
    public String standfirst;

    /** Sanitized HTML. */
    @Column(nullable = false)
    public String body;

    /** Plain text of the body, for word counts and search. */
    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(length = 200)
    public String byline;

    @Column(length = 200)
    public String section;

    @Column(nullable = false, length = 35)
    public String language;

    @Column(nullable = false, length = 16)
    public ArticleStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    /** When it was killed, and why (status killed only). */
    @Column(name = "killed_at")
    public Instant killedAt;

    @Column(name = "kill_reason", length = 1000)
    public String killReason;

    /** Until when partners may hold it but the public may not see it (published_at is then this time). */
    @Column(name = "embargoed_until")
    public Instant embargoedUntil;

    /** The main image's metadata as JSON ({@link app.newsroom.image.Images#stored}); none: no image. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "main_image", columnDefinition = "jsonb")
    public String mainImage;

    /** Whether partners may republish it, where (ISO 3166-1 alpha-2 codes, comma-separated; none: anywhere), why. */
    @Column(name = "syndication_allowed", nullable = false)
    public boolean syndicationAllowed = true;

    @Column(name = "syndication_territories", length = 800)
    public String syndicationTerritories;

    @Column(name = "syndication_note", length = 500)
    public String syndicationNote;

    /** Corrections, oldest first; appended, never edited. */
    @ElementCollection
    @CollectionTable(name = "article_correction", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<Correction> corrections = new ArrayList<>();

    /** One correction of the article. */
    @Embeddable
    public static class Correction {
        @Column(name = "at", nullable = false)
        public Instant at;

        @Column(name = "text", nullable = false, length = 2000)
        public String text;

        protected Correction() {}

        public Correction(Instant at, String text) {
            this.at = at;
            this.text = text;
        }
    }

    @ManyToMany
    @JoinTable(
            name = "article_tag",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    public List<Tag> tags = new ArrayList<>();

    /** Visible to the public: published, and its publication time has come. */
    public boolean isPublicAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** Under embargo: published for partners, not yet for the public. */
    public boolean isEmbargoedAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && embargoedUntil != null && embargoedUntil.isAfter(now);
    }

    /** What partners may see: public articles, and embargoed ones. */
    public boolean isForPartnersAt(Instant now) {
        return isPublicAt(now) || isEmbargoedAt(now);
    }
}
