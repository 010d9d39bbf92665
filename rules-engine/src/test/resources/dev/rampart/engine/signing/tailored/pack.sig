rampart-pack-signature: 2
algorithm: Ed25519
key-id: bba1ce222bcba740
signature: 9nrgHcdENhA/y6zx0KTBAlvtaJ8Djza5Y4wcvNQMqz0yWjIE/o7FHwVpMAzVJzi8dRavjqwEtIAsSvUShlejDA==
pack: tailored 1.0
base: test-baseline 1.0
files: 1

ae895c21d59e799dcf9edd06d397ecb701b1711f14494556d1edb0bc0c96b80e  pack.yaml
