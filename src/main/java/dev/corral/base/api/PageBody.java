package dev.corral.base.api;

import java.util.List;
import org.springframework.data.domain.Page;

/** A page of a list resource, as API.md gives it: the items, the page, its size and the total count. */
public record PageBody<T>(List<T> items, int page, int size, long totalElements) {

    public static <T> PageBody<T> of(Page<T> page) {
        return new PageBody<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
