package app.newsroom.article;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One "Related Stories" entry of an article: external ({@code title} + {@code url}) or internal ({@code target}, whose
 * headline and slug are read when the link is read, so they never go stale).
 */
@Entity
@Table(name = "related_link")
public class RelatedLink {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    public Article article;

    @Column(nullable = false)
    public short position;

    @Column(length = 300)
    public String title;

    @Column(length = 2000)
    public String url;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_article_id")
    public Article target;
}
