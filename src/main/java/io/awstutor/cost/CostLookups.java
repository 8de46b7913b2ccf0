package io.awstutor.cost;

import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import java.util.Optional;

/** What the guard looks up on the target before pricing a change (a database's current class). */
public final class CostLookups {
    private CostLookups() {
    }

    public static Optional<String> dbInstanceClass(ClientFactory clients, String dbInstanceIdentifier) {
        if (dbInstanceIdentifier == null || dbInstanceIdentifier.isBlank()) {
            return Optional.empty();
        }
        try {
            return clients.rds().describeDBInstances(b -> b.dbInstanceIdentifier(dbInstanceIdentifier))
                    .dbInstances().stream().findFirst().map(db -> db.dbInstanceClass());
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        }
    }
}
