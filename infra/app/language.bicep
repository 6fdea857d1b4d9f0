// Optional Azure AI Language account (sentiment and key phrases for the detect stage).
// Key authentication is off; the app calls it with its managed identity (Cognitive Services User).

param name string
param location string
param tags object = {}

@allowed(['F0', 'S'])
@description('F0 is free but allowed once per subscription; S is pay-as-you-go.')
param skuName string = 'S'

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    // A custom subdomain is required for Entra ID authentication.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
