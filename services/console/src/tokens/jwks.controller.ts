import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@buqi/platform';
import { ServiceTokens } from './service-tokens';

/** The console's public signing keys, for the services' AUTH_JWKS_URL. */
@ApiTags('keys')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly tokens: ServiceTokens) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The JSON Web Key Set the services verify the console’s tokens with' })
  jwks(): Promise<unknown> {
    return this.tokens.jwks();
  }
}
