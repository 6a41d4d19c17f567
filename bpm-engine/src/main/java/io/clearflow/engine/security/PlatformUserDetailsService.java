package io.clearflow.engine.security;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads people and bots from Flowable IDM. The password is the hash IDM stored (bcrypt through the
 * shared delegating encoder). Authorities: {@code ROLE_<ROLE>} for built-in roles, {@code GROUP_<id>}
 * for every group and {@code DEPT_<id>} for the department, so rules can check roles and departments.
 */
@Service
class PlatformUserDetailsService implements UserDetailsService {

    private final IdentityService idm;
    private final OrgDirectory directory;

    public PlatformUserDetailsService(IdentityService idm, OrgDirectory directory) {
        this.idm = idm;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = username == null ? null : idm.createUserQuery().userId(username).singleResult();
        if (user == null || user.getPassword() == null) {
            throw new UsernameNotFoundException("bad credentials");
        }
        Member member = directory.requireMember(user.getId());
        return org.springframework.security.core.userdetails.User.withUsername(user.getId())
                .password(user.getPassword())
                .authorities(authorities(member))
                .build();
    }

    /**
     * The principal behind a valid API token. Bots have no password, so they are found here but
     * never by {@link #loadUserByUsername} (which serves password sign-in).
     */
    public UserDetails loadForToken(String userId) {
        Member member = directory.member(userId).orElseThrow(() -> new UsernameNotFoundException("bad credentials"));
        return org.springframework.security.core.userdetails.User.withUsername(member.userId())
                .password("")
                .authorities(authorities(member))
                .build();
    }

    static List<GrantedAuthority> authorities(Member member) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : member.roles()) {
            PlatformRole.ofGroupId(role).ifPresent(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.roleName())));
            authorities.add(new SimpleGrantedAuthority("GROUP_" + role));
        }
        if (member.department() != null) {
            authorities.add(new SimpleGrantedAuthority("DEPT_" + member.department()));
            authorities.add(new SimpleGrantedAuthority("GROUP_" + member.department()));
        }
        return authorities;
    }
}
