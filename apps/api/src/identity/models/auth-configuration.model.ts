import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AuthMode {
  OIDC = 'OIDC',
  DEMO = 'DEMO',
}

registerEnumType(AuthMode, {
  name: 'AuthMode',
  description: 'How people prove who they are: OpenID Connect sign-in, or the demo identity (pick a seeded person).',
});

@ObjectType('AuthConfiguration', {
  description: 'What a client needs to sign people in. Issuer, client id and scope are set in OIDC mode only.',
})
export class AuthConfiguration {
  @Field(() => AuthMode)
  mode!: AuthMode;

  @Field(() => String, { nullable: true, description: 'Issuer URL of the OpenID Connect provider.' })
  issuer!: string | null;

  @Field(() => String, { nullable: true, description: 'Public client id for authorization code + PKCE.' })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: 'Scopes to request, separated by spaces.' })
  scope!: string | null;
}
