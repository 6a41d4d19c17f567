package io.clearflow.delivery.artifact;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.version.Version;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Artifacts of versions: stored once by content, immutable by name, promoted one stage at a time. The
 * content is streamed into the store outside any database transaction (an upload may take minutes); only
 * the row that binds name to digest is written in one.
 */
@Service
public class ArtifactService implements Artifacts {

    private static final Logger log = LoggerFactory.getLogger(ArtifactService.class);

    private final ArtifactRepository artifacts;
    private final PromotionRepository promotions;
    private final ArtifactStore store;
    private final VersionService versions;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;

    ArtifactService(ArtifactRepository artifacts, PromotionRepository promotions, ArtifactStore store,
                    VersionService versions, DeliveryProperties properties, PlatformTransactionManager transactions) {
        this.artifacts = artifacts;
        this.promotions = promotions;
        this.store = store;
        this.versions = versions;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores an uploaded artifact. Same name and same content again answers the existing artifact
     * ({@code created} false); same name with other content is refused (409) and leaves nothing behind.
     *
     * @param declaredSize the size the client announced, checked before reading; -1 when unknown
     */
    public Outcome upload(Member actor, long versionId, String name, InputStream content, long declaredSize) {
        return store(actor, versionId, name, content, declaredSize, null, null);
    }

    /** Stores an artifact fetched from {@code sourceUrl} whose digest must be {@code expectedSha256} (422 otherwise). */
    Outcome storeFetched(Member actor, long versionId, String name, InputStream content, long declaredSize,
                         String expectedSha256, String sourceUrl) {
        return store(actor, versionId, name, content, declaredSize, expectedSha256, sourceUrl);
    }

    private Outcome store(Member actor, long versionId, String name, InputStream content, long declaredSize,
                          String expectedSha256, String sourceUrl) {
        Version version = versions.require(versionId);
        String fileName = ArtifactNames.check(name);
        long max = properties.maxUploadSize().toBytes();
        if (declaredSize > max) {
            throw new ArtifactTooLargeException(max);
        }
        if (declaredSize == 0) {
            throw new InvalidRequestException("delivery.error.emptyFile", Map.of("file", "delivery.error.emptyFile"));
        }
        Optional<Artifact> existing = artifacts.find(versionId, fileName);
        ArtifactStore.Stored stored;
        try {
            stored = store.put(content, max, expectedSha256);
        } catch (ArtifactStore.DigestMismatchException e) {
            throw new io.clearflow.delivery.UnprocessableException("delivery.error.digestMismatch",
                    Map.of("sha256", "delivery.error.digestMismatch"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the artifact", e);
        }
        if (stored.size() == 0) {
            discard(stored);
            throw new InvalidRequestException("delivery.error.emptyFile", Map.of("file", "delivery.error.emptyFile"));
        }
        if (existing.isPresent()) {
            return same(existing.get(), stored);
        }
        try {
            return transaction.execute(status -> {
                long id = artifacts.insert(versionId, fileName, stored.sha256(), stored.size(), properties.stages().get(0),
                        sourceUrl, actor.userId(), Instant.now());
                versions.record(versionId, sourceUrl == null ? "artifact.uploaded" : "artifact.registered", actor.userId(),
                        fileName + " sha256:" + stored.sha256(), link(id));
                return new Outcome(artifacts.find(id).orElseThrow(), true);
            });
        } catch (DuplicateKeyException e) {
            // somebody stored the same name at the same moment: the same rule as a later upload
            return same(artifacts.find(versionId, fileName).orElseThrow(), stored);
        }
    }

    /** An unknown version answers 404 and a name that is not a plain file name 400, before content is read. */
    void checkTarget(long versionId, String name) {
        versions.require(versionId);
        ArtifactNames.check(name);
    }

    private Outcome same(Artifact existing, ArtifactStore.Stored stored) {
        if (existing.sha256().equals(stored.sha256())) {
            return new Outcome(existing, false);
        }
        discard(stored);
        throw new ConflictException("delivery.error.artifactImmutable", existing.name(), existing.sha256());
    }

    /** Removes content stored for a refused upload unless another artifact has the same digest. */
    private void discard(ArtifactStore.Stored stored) {
        if (stored.created() && !artifacts.referenced(stored.sha256())) {
            try {
                store.delete(stored.sha256());
            } catch (IOException e) {
                log.warn("Could not remove unreferenced artifact content {}", stored.sha256(), e);
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ArtifactRef> find(long artifactId) {
        return artifacts.find(artifactId).map(Artifact::ref);
    }

    public Artifact require(long artifactId) {
        return artifacts.find(artifactId).orElseThrow(() -> new NotFoundException("artifact", String.valueOf(artifactId)));
    }

    @Override
    @Transactional
    public ArtifactRef promote(long artifactId, String toStage, String actorUserId, String gateReference) {
        Artifact artifact = require(artifactId);
        int to = properties.stageIndex(toStage);
        if (to < 0) {
            throw new InvalidRequestException("delivery.error.unknownStage", Map.of("toStage", "delivery.error.unknownStage"));
        }
        if (gateReference == null || gateReference.isBlank()) {
            throw new InvalidRequestException("delivery.error.gateReference",
                    Map.of("gateReference", "delivery.error.gateReference"));
        }
        int from = properties.stageIndex(artifact.stage());
        if (to != from + 1) {
            throw new ConflictException("delivery.error.notNextStage", artifact.stage(), toStage);
        }
        if (!artifacts.moveStage(artifactId, artifact.stage(), toStage)) {
            throw new ConflictException("delivery.error.notNextStage", artifact.stage(), toStage);
        }
        promotions.insert(artifactId, artifact.stage(), toStage, actorUserId, Instant.now(), gateReference);
        versions.record(artifact.versionId(), "artifact.promoted", actorUserId,
                artifact.name() + ": " + artifact.stage() + " → " + toStage + " (" + gateReference + ")", link(artifactId));
        return require(artifactId).ref();
    }

    /** Whether the artifact was ever promoted to {@code stage} (or uploaded there, for the first stage). */
    public boolean reached(Artifact artifact, String stage) {
        int index = properties.stageIndex(stage);
        return index == 0 || (index > 0 && properties.stageIndex(artifact.stage()) >= index);
    }

    @Transactional(readOnly = true)
    public List<Promotion> promotions(long artifactId) {
        require(artifactId);
        return promotions.of(artifactId);
    }

    /** The verified content for a download or the embedded runner. */
    public InputStream open(Artifact artifact) throws IOException {
        return store.openVerified(artifact.sha256());
    }

    public static String link(long artifactId) {
        return "/delivery/artifacts/" + artifactId;
    }

    /** @param created false when the same name and content were already stored */
    public record Outcome(Artifact artifact, boolean created) {
    }
}
