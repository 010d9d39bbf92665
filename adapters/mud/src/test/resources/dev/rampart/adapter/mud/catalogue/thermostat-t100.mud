{
  "ietf-mud:mud": {
    "mud-version": 1,
    "mud-url": "https://mud.example.com/thermostats/t100",
    "systeminfo": "T100 thermostat",
    "from-device-policy": {
      "access-lists": {
        "access-list": [
          {
            "name": "t100-fr"
          }
        ]
      }
    }
  },
  "ietf-access-control-list:access-lists": {
    "acl": [
      {
        "name": "t100-fr",
        "type": "ipv4-acl-type",
        "aces": {
          "ace": [
            {
              "name": "anything-tcp",
              "matches": {
                "ipv4": {
                  "protocol": 6
                }
              },
              "actions": {
                "forwarding": "accept"
              }
            }
          ]
        }
      }
    ]
  }
}
