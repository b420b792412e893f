package kr.sotong.platform.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    List<Account> findAllByOrderByUsername();

    @Modifying
    @Query("""
            update platform_account
               set failed_attempts = failed_attempts + 1,
                   locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
             where username = :username""")
    int recordFailure(String username, int max, java.time.Instant lockUntil);

    @Modifying
    @Query("update platform_account set failed_attempts = 0, locked_until = null, last_login_at = :at where username = :username")
    int recordSuccess(String username, java.time.Instant at);
}
