package dev.sqlscore.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A provider with only the services it is given, each served by the provider it came from: how the JVM gets AWS-LC's
 * SHA-256 and AES-GCM without AWS-LC's random numbers or key generation, which a SnapStart snapshot would share
 * between execution environments.
 */
final class AwsLcProvider extends Provider {

    static final String NAME = "sqlscore-AWS-LC";

    AwsLcProvider(Provider source, List<Provider.Service> services) {
        super(NAME, "1.0", "SHA-256 and AES/GCM/NoPadding from " + source.getName() + " "
                + source.getVersionStr());
        for (Provider.Service service : services) {
            putService(new Delegated(this, service));
        }
    }

    /**
     * One of the source's services under this provider's name; the source makes every instance. It declares no key
     * classes, so it takes any key, as the source's AES-GCM does.
     */
    private static final class Delegated extends Provider.Service {

        private final Provider.Service source;

        Delegated(Provider provider, Provider.Service source) {
            super(provider, source.getType(), source.getAlgorithm(), source.getClassName(), List.of(), Map.of());
            this.source = source;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            return source.newInstance(constructorParameter);
        }
    }
}
