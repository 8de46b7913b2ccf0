package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.protocol.FilterMatcher.one;

/** CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPair. */
public final class KeyPairs {
    private final Ec2Backend backend;

    KeyPairs(Ec2Backend backend) {
        this.backend = backend;
    }

    /** A new key pair and, once, its private key. */
    public record Created(KeyPair keyPair, String privateKeyPem) {
        @Override
        public String toString() {
            return "Created[" + keyPair + ", privateKeyPem=<hidden>]";
        }
    }

    public Created create(RegionState state, String name, String type, String format, Map<String, String> tags) {
        String keyType = type == null ? "rsa" : type;
        if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + type + "' for keyType. Valid values: rsa, ed25519");
        }
        if (format != null && !format.equals("pem") && !format.equals("ppk")) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + format + "' for keyFormat. Valid values: pem, ppk");
        }
        if (format != null && format.equals("ppk")) {
            throw Ec2Errors.invalidParameterValue("The sandbox creates keys in pem format only; use keyFormat pem.");
        }
        checkName(name);
        KeyMaterial.Generated generated = KeyMaterial.generate(keyType, name);
        synchronized (state) {
            requireFree(state, name);
            KeyPair pair = new KeyPair(Ec2Ids.next("key"), name, keyType, generated.fingerprint(), generated.publicKey(), backend.now());
            state.keyPairs.put(name, pair);
            state.tags.put(pair.id(), tags);
            return new Created(pair, generated.privateKeyPem());
        }
    }

    public KeyPair importKey(RegionState state, String name, byte[] publicKeyMaterial, Map<String, String> tags) {
        checkName(name);
        if (publicKeyMaterial == null) {
            throw Ec2Errors.missingParameter("PublicKeyMaterial");
        }
        KeyMaterial.Imported imported = KeyMaterial.parsePublic(publicKeyMaterial);
        synchronized (state) {
            requireFree(state, name);
            KeyPair pair = new KeyPair(Ec2Ids.next("key"), name, imported.type(), imported.fingerprint(), imported.publicKey(), backend.now());
            state.keyPairs.put(name, pair);
            state.tags.put(pair.id(), tags);
            return pair;
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.missingParameter("KeyName");
        }
        if (name.length() > 255 || !name.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw Ec2Errors.invalidParameterValue("Value (" + name + ") for parameter keyName is invalid. Must be up to 255 ASCII characters.");
        }
    }

    private static void requireFree(RegionState state, String name) {
        if (state.keyPairs.containsKey(name)) {
            throw AwsException.badRequest("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
    }

    public KeyPair find(RegionState state, String name) {
        synchronized (state) {
            KeyPair pair = state.keyPairs.get(name);
            if (pair == null) {
                throw AwsException.badRequest("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
            }
            return pair;
        }
    }

    public List<KeyPair> describe(RegionState state, List<String> names, List<String> ids, List<Filter> filters) {
        Map<String, Function<KeyPair, Collection<String>>> attributes = new HashMap<>();
        attributes.put("key-name", one(KeyPair::name));
        attributes.put("key-pair-id", one(KeyPair::id));
        attributes.put("fingerprint", one(KeyPair::fingerprint));
        attributes.put("key-type", one(KeyPair::type));
        synchronized (state) {
            var predicate = new FilterMatcher<KeyPair>(Ec2Requests.FILTERS, attributes, k -> state.tags.of(k.id())).predicate(filters);
            List<KeyPair> selected = new ArrayList<>();
            if (names.isEmpty() && ids.isEmpty()) {
                selected.addAll(state.keyPairs.values());
            }
            for (String name : names) {
                selected.add(find(state, name));
            }
            for (String id : ids) {
                KeyPair pair = state.keyPairs.values().stream().filter(k -> k.id().equals(id)).findFirst()
                        .orElseThrow(() -> AwsException.badRequest("InvalidKeyPair.NotFound", "The key pair '" + id + "' does not exist"));
                selected.add(pair);
            }
            selected.removeIf(predicate.negate());
            return selected;
        }
    }

    /** Deleting a key that does not exist succeeds, as on AWS. Returns the deleted pair's id, if any. */
    public String delete(RegionState state, String name, String id) {
        if (name == null && id == null) {
            throw Ec2Errors.missingParameter("KeyName");
        }
        synchronized (state) {
            KeyPair pair = name != null ? state.keyPairs.get(name)
                    : state.keyPairs.values().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
            if (pair == null) {
                return null;
            }
            state.keyPairs.remove(pair.name());
            state.tags.forget(pair.id());
            return pair.id();
        }
    }
}
