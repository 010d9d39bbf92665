rampart-pack-signature: 2
algorithm: Ed25519
key-id: a54f5274c2ca9f9d
signature: Hb6E2O+HB2q10eyv5XbJm5m/E8ZGeBAjQ2aNBMATuDkqS4KZII4EODplHl3mOV213HDbVmKV0NnIelijrnXBBw==
pack: demo 1.0
files: 2

97a0bd3067b8e85842e3c50a9cb177d2796678fdf45368fa90890a7187cb4ff7  pack.yaml
a7f10115e2af055a59d35e47e8bfa8dbdb324c2a27128f3be32ca7065db6f810  tests/devices.yaml
