package dev.corral.e2e.fleet;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps an eye on the console's Vaadin sessions (weakly, so that it holds none alive), to tell
 * how many are open and how many UIs they hold. Imported into the benchmark's context only.
 */
public class SessionTracker implements VaadinServiceInitListener {

    private final List<WeakReference<VaadinSession>> sessions = new CopyOnWriteArrayList<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.add(new WeakReference<>(init.getSession())));
    }

    /** Sessions still open, and the UIs in them. */
    record Count(int sessions, int uis) {
    }

    Count count() {
        int open = 0;
        int uis = 0;
        for (WeakReference<VaadinSession> reference : sessions) {
            VaadinSession session = reference.get();
            if (session == null) {
                continue;
            }
            session.lock();
            try {
                if (session.getState() == VaadinSessionState.OPEN) {
                    open++;
                    uis += session.getUIs().size();
                }
            } finally {
                session.unlock();
            }
        }
        return new Count(open, uis);
    }
}
