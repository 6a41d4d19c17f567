package io.clearflow.regtech.subscribe;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.poll.ItemStore;
import io.clearflow.regtech.poll.PollRoundFinished;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscribers' inbox of regulatory notices.
 *
 * <p>Why a notice list of its own and not an engine task: a notice asks for no decision, and a task
 * per subscriber and round would enter the platform event log that process mining and the workload
 * dashboards read, counting reading the news as process work. So notices live here, shown on the
 * subscriptions page ("我的订阅") and as an unread count on the tracker, and are marked read there.
 *
 * <p>Not to flood: items stored during a poll round are only collected (in the storing transaction,
 * so none is lost); at the end of the round each subscriber gets one notice listing every new item
 * that matches any of their subscriptions. A department's notice is shared by its members, like a
 * department inbox: one member marking it read marks it for all.
 */
@Service
public class NoticeService {

    /** A notice with its items as the reader sees them (items archived or gone since are left out). */
    public record NoticeView(Notice notice, List<Item> items) { }

    private final SubscriptionRepository repository;
    private final ItemRepository items;
    private final Clock clock;

    NoticeService(SubscriptionRepository repository, ItemRepository items, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.clock = clock;
    }

    /** In the storing transaction: remember the new items for the end of the round. */
    @EventListener
    void collect(ItemStore.ItemsAdded added) {
        repository.addPending(added.itemIds());
    }

    /** Transactional here: the listener is called through the proxy, {@link #deliver()} from inside it is not. */
    @EventListener
    @Transactional
    void roundFinished(PollRoundFinished round) {
        deliver();
    }

    /** One notice per subscriber whose subscriptions match any pending item; returns how many notices. */
    @Transactional
    public int deliver() {
        List<Long> pending = repository.lockPending();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Item> fresh = pending.stream().map(items::find).flatMap(Optional::stream).toList();
        Map<String, List<Long>> bySubscriber = new LinkedHashMap<>();
        for (Subscription s : repository.all()) {
            String key = s.subscriberType() + "\u0000" + s.subscriber();
            for (Item item : fresh) {
                if (s.matches(item)) {
                    List<Long> ids = bySubscriber.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!ids.contains(item.id())) {
                        ids.add(item.id());
                    }
                }
            }
        }
        var now = clock.instant();
        bySubscriber.forEach((key, ids) -> {
            String[] parts = key.split("\u0000", 2);
            // item_ids holds at most 4000 characters: a round larger than that is cut into several notices
            for (int from = 0; from < ids.size(); from += 300) {
                repository.insertNotice(parts[0], parts[1], ids.subList(from, Math.min(ids.size(), from + 300)).stream()
                        .sorted().toList(), now);
            }
        });
        repository.clearPending(pending);
        return bySubscriber.size();
    }

    @Transactional(readOnly = true)
    public List<NoticeView> notices(Member member, int limit) {
        return repository.notices(member.userId(), member.department(), Math.max(1, Math.min(limit, 200))).stream()
                .map(n -> new NoticeView(n, n.itemIds().stream().map(items::find).flatMap(Optional::stream)
                        .filter(i -> !"archived".equals(i.status())).toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long unread(Member member) {
        return repository.unread(member.userId(), member.department());
    }

    @Transactional
    public Notice markRead(Member member, long id) {
        Notice n = repository.notice(id).filter(x -> x.subscriberType().equals(Subscription.USER)
                        ? x.subscriber().equals(member.userId()) : x.subscriber().equals(member.department()))
                .orElseThrow(() -> new NotFoundException("notice", String.valueOf(id)));
        repository.markRead(n.id(), member.userId(), clock.instant());
        return repository.notice(id).orElseThrow();
    }
}
