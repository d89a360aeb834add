package org.is3.db.servicestart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;

/** One start of an is3 service, a row of {@code service_start} (migration V1). */
@Entity
@Table(name = "service_start")
public class ServiceStart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String service;

    @Column(nullable = false)
    private String host;

    /** Set by the database ({@code DEFAULT now()}), so every host's rows share one clock. */
    @Generated
    @Column(name = "started_at", nullable = false, insertable = false, updatable = false)
    private Instant startedAt;

    private String version;

    protected ServiceStart() {
        // for JPA
    }

    /**
     * @param service the service that started ({@code up}, {@code eval-server}, …)
     * @param host    the host it runs on
     * @param version its version, or null when the build does not know it
     */
    public ServiceStart(String service, String host, String version) {
        this.service = service;
        this.host = host;
        this.version = version;
    }

    public Long id() {
        return id;
    }

    public String service() {
        return service;
    }

    public String host() {
        return host;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return "ServiceStart[id=" + id + ", service=" + service + ", host=" + host
                + ", startedAt=" + startedAt + ", version=" + version + "]";
    }
}
